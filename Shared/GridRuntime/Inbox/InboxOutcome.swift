/// What the inbox did with one message.
public enum InboxOutcome: Sendable {
    /// The handler ran and its transaction, with the inbox record, committed.
    case processed
    /// The message's key was already recorded (a redelivery, a republished event, or a repeat within
    /// the batch); the handler did not run.
    case duplicate
    /// The message cannot be processed: the handler (or decoding) failed permanently, or kept failing
    /// with an unclassified error. Nothing was written; the caller dead-letters it and moves on.
    case rejected(any Error)

    /// `true` for ``rejected(_:)``.
    public var isRejected: Bool {
        if case .rejected = self { return true }
        return false
    }
}
