/// The typed error a handler throws when a message can never be processed, so that it is
/// dead-lettered instead of retried.
public struct EventRejection: PermanentFailure, Sendable, Hashable, CustomStringConvertible {
    /// Why the message is rejected. Extensible: new reasons are not a breaking change.
    public struct Reason: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The payload cannot be decoded or lacks required fields.
        public static let invalidPayload = Reason("invalid payload")
        /// The event contradicts the current state (for example closing a case that was never filed).
        public static let invariantViolated = Reason("invariant violated")
        /// The event's type is not one this consumer handles.
        public static let unsupportedEventType = Reason("unsupported event type")

        public var description: String { name }
    }

    /// Why the message is rejected.
    public let reason: Reason
    /// What exactly is wrong, for the dead-letter headers and the log.
    public let message: String

    /// Creates a rejection.
    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    public var description: String { "\(reason): \(message)" }
}
