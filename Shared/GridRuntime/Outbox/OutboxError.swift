/// An event that cannot be written to the outbox.
public struct OutboxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is. Extensible: new codes are not a breaking change.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: Sendable, Hashable { case invalidEntry, duplicateEventID }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The event cannot become an outbox entry (empty topic, unversioned type, invalid attribute).
        public static let invalidEntry = Code(.invalidEntry)
        /// Two entries of one transaction share an event id.
        public static let duplicateEventID = Code(.duplicateEventID)

        public var description: String {
            switch base {
            case .invalidEntry: "invalid outbox entry"
            case .duplicateEventID: "duplicate event id"
            }
        }
    }

    /// What kind of problem it is.
    public let code: Code
    /// What is wrong, naming the event.
    public let message: String

    /// Creates the error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}

/// Enqueueing an invalid event fails the same way every time, so a handler that does it rejects the
/// message it was handling.
extension OutboxError: PermanentFailure {}
