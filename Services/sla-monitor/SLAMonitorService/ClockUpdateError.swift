/// A lifecycle event the monitor cannot apply, ever: the working calendar cannot compute its deadlines
/// (a year without a holiday schedule), or its data are invalid. The consumer dead-letters the event
/// with this message.
public struct ClockUpdateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem; new codes may be added without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: Sendable, Hashable { case calendar, invalidEvent }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The working calendar cannot compute a deadline (e.g. outside the years it covers).
        public static let calendar = Code(.calendar)
        /// The event's data cannot be read (e.g. a time limit that overflows).
        public static let invalidEvent = Code(.invalidEvent)

        /// A short name of the code.
        public var description: String {
            switch value {
            case .calendar: "calendar"
            case .invalidEvent: "invalid event"
            }
        }
    }

    /// The kind of problem.
    public let code: Code
    /// What is wrong and what to do.
    public let message: String

    /// Creates an error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// `<code>: <message>`.
    public var description: String { "\(code): \(message)" }
}
