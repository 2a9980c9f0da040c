/// A CloudEvent that cannot be built, encoded or decoded.
///
/// Extensible: new codes can be added without breaking callers. Decoding errors are
/// ``FailureKind/permanent`` — a message that is not a valid event is dead-lettered.
public struct CloudEventError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: Sendable, Hashable {
            case missingAttribute, invalidAttribute, unsupportedSpecVersion, invalidData
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// A required attribute (`id`, `source`, `specversion`, `type`) is absent or empty.
        public static let missingAttribute = Code(.missingAttribute)
        /// An attribute has a value that does not have the required form.
        public static let invalidAttribute = Code(.invalidAttribute)
        /// The `specversion` is not 1.0.
        public static let unsupportedSpecVersion = Code(.unsupportedSpecVersion)
        /// The data cannot be encoded or decoded as the requested payload type.
        public static let invalidData = Code(.invalidData)

        public var description: String {
            switch base {
            case .missingAttribute: "missing attribute"
            case .invalidAttribute: "invalid attribute"
            case .unsupportedSpecVersion: "unsupported specversion"
            case .invalidData: "invalid data"
            }
        }
    }

    /// What kind of problem it is.
    public let code: Code
    /// The attribute concerned, if any (`id`, `time`, an extension name…).
    public let attribute: String?
    /// A message saying what is wrong and what was expected.
    public let message: String

    /// Creates the error.
    public init(code: Code, attribute: String? = nil, message: String) {
        self.code = code
        self.attribute = attribute
        self.message = message
    }

    public var description: String {
        if let attribute {
            return "CloudEvent \(code) '\(attribute)': \(message)"
        }
        return "CloudEvent \(code): \(message)"
    }
}
