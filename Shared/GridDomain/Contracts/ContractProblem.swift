/// One problem found in a contract message: the field (a JSON path such as `caller.phone` or
/// `location.point.latitude`), what kind of problem it is, and a message an operator can act on.
public struct ContractProblem: Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem. New codes may be added without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: Sendable, Hashable {
            case missing, wrongType, invalidFormat, outOfRange, unknownValue, tooLong, unsupportedVersion, inconsistent
        }

        private let value: Value

        private init(_ value: Value) { self.value = value }

        /// A required field is absent or null.
        public static let missing = Code(.missing)
        /// The JSON type is wrong (a number where a string is expected…).
        public static let wrongType = Code(.wrongType)
        /// A text does not have the required form (a phone number, a code, a timestamp, a URL…).
        public static let invalidFormat = Code(.invalidFormat)
        /// A number is outside its range (a latitude above 90, a negative amount…).
        public static let outOfRange = Code(.outOfRange)
        /// A value is not one of the allowed values (an unknown request type or channel…).
        public static let unknownValue = Code(.unknownValue)
        /// A text or list is longer than allowed.
        public static let tooLong = Code(.tooLong)
        /// The message's `schemaVersion` is not one this reader understands.
        public static let unsupportedVersion = Code(.unsupportedVersion)
        /// Fields contradict each other (a component id of another category, no location at all…).
        public static let inconsistent = Code(.inconsistent)

        /// The code's name, e.g. `missing`, `invalid_format`.
        public var description: String {
            switch value {
            case .missing: "missing"
            case .wrongType: "wrong_type"
            case .invalidFormat: "invalid_format"
            case .outOfRange: "out_of_range"
            case .unknownValue: "unknown_value"
            case .tooLong: "too_long"
            case .unsupportedVersion: "unsupported_version"
            case .inconsistent: "inconsistent"
            }
        }
    }

    /// The JSON path of the field, e.g. `caller.phone`, `attachments[1]`; empty for the whole message.
    public let field: String
    /// The kind of problem.
    public let code: Code
    /// What is wrong and what is expected. Personal data in it is masked.
    public let message: String

    /// Creates a problem.
    public init(field: String, code: Code, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }

    /// `caller.phone (invalid_format): '138****567' is not a phone number; …`.
    public var description: String {
        (field.isEmpty ? "" : "\(field) ") + "(\(code)): \(message)"
    }
}
