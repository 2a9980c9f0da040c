/// Why the routing service cannot start: its city data are missing or inconsistent.
///
/// Compare ``code`` to tell the kinds apart; new codes may be added without breaking callers.
public struct RoutingStartupError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: Sendable, Hashable {
            case invalidCity
        }

        private let value: Value

        private init(_ value: Value) { self.value = value }

        /// A city file is missing, malformed or inconsistent with the others.
        public static let invalidCity = Code(.invalidCity)

        /// The code's name.
        public var description: String {
            switch value {
            case .invalidCity: "invalid city data"
            }
        }
    }

    /// The kind of problem.
    public let code: Code
    /// What is wrong, naming the file (and line) to fix.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `routing cannot start: invalid city data: …`.
    public var description: String { "routing cannot start: \(code): \(message)" }
}
