/// A way of sending notifications (webhook, development sink). The worker hands each channel the
/// claimed deliveries of its kind, a batch at a time.
public protocol NotificationChannel: Sendable {
    /// The kind of deliveries this channel sends.
    var kind: ChannelKind { get }

    /// Sends `deliveries` and returns one outcome per delivery, in the same order. Must not throw:
    /// every failure is an outcome. Called again for the same delivery after a crash or a transient
    /// failure, so receivers must drop repeats by the delivery id.
    func send(_ deliveries: [ClaimedDelivery]) async -> [SendOutcome]
}

/// What became of one send.
public enum SendOutcome: Sendable, Hashable {
    /// The receiver accepted the message.
    case sent
    /// Failed in a way that may pass (5xx, 408, 429, a timeout, connection refused or lost): try again later.
    case transientFailure(String)
    /// Failed for good (another 4xx, a bad address): do not try again.
    case permanentFailure(String)
}
