/// When to try a delivery again after a transient failure, and when to give up: exponential backoff
/// with a cap, counted in attempts.
///
/// With the defaults (10 s, ×2, at most 30 min, 12 attempts) a delivery is retried after 10 s, 20 s,
/// 40 s … 30 min, and given up about 2¾ hours after its first attempt.
public struct DeliveryRetryPolicy: Sendable, Hashable {
    /// The delay after the first failed attempt. Default 10 s.
    public var initialDelay: Duration
    /// How much the delay grows per failed attempt. Default 2.
    public var multiplier: Double
    /// The largest delay. Default 30 min.
    public var maximumDelay: Duration
    /// Attempts before a delivery that keeps failing transiently is marked failed. Default 12.
    public var maximumAttempts: Int

    /// Creates a policy; see the properties for the defaults.
    public init(
        initialDelay: Duration = .seconds(10), multiplier: Double = 2, maximumDelay: Duration = .seconds(1800), maximumAttempts: Int = 12
    ) {
        self.initialDelay = initialDelay
        self.multiplier = max(1, multiplier)
        self.maximumDelay = max(initialDelay, maximumDelay)
        self.maximumAttempts = max(1, maximumAttempts)
    }

    /// The delay before the attempt after `attempt` (1-based) failed, or `nil` when `attempt` was the last.
    public func delay(afterFailedAttempt attempt: Int) -> Duration? {
        guard attempt < maximumAttempts else { return nil }
        let initial = initialDelay.seconds
        let maximum = maximumDelay.seconds
        var delay = initial
        for _ in 1..<max(1, attempt) where delay < maximum { delay *= multiplier }
        return .milliseconds(Int64((min(delay, maximum) * 1000).rounded()))
    }
}
