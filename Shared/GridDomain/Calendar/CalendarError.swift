import Foundation

/// An error from the working calendar: an instant outside the years the holiday data covers, or
/// calendar data that does not fit together.
///
/// Compare `code` to tell the kinds apart; new codes may be added without breaking callers.
public struct CalendarError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of error.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: Sendable, Hashable { case outsideCoverage, invalidData, invalidArgument }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// A date or a computed deadline falls in a year without a loaded holiday schedule (and no
        /// fallback was configured). Load the State Council's schedule for that year.
        public static let outsideCoverage = Code(.outsideCoverage)
        /// The schedules, working hours or configuration contradict each other or themselves.
        public static let invalidData = Code(.invalidData)
        /// An argument is out of range (e.g. a negative amount of working time).
        public static let invalidArgument = Code(.invalidArgument)

        /// A short name of the code.
        public var description: String {
            switch value {
            case .outsideCoverage: "outside coverage"
            case .invalidData: "invalid calendar data"
            case .invalidArgument: "invalid argument"
            }
        }
    }

    /// The kind of error.
    public let code: Code
    /// What is wrong, in words operators can act on.
    public let message: String

    /// Creates an error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// `<code>: <message>`.
    public var description: String { "\(code): \(message)" }
}
