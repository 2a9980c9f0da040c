public import GridRuntime

/// A lifecycle-topic event the assessment service can never record: its data do not match its
/// type's contract. A `PermanentFailure`: the inbox rejects it and the consumer dead-letters it.
public struct InvalidLifecycleEvent: PermanentFailure, Sendable, Hashable, CustomStringConvertible {
    /// The CloudEvents id.
    public let eventID: String
    /// The CloudEvents type.
    public let type: String
    /// What is wrong (the contract's validation message; no personal data).
    public let reason: String

    /// Creates the error.
    public init(eventID: String, type: String, reason: String) {
        self.eventID = eventID
        self.type = type
        self.reason = reason
    }

    /// `event <id> (<type>) is invalid: <reason>`.
    public var description: String { "event \(eventID) (\(type)) is invalid: \(reason)" }
}
