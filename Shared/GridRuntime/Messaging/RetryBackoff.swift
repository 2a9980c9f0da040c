import ServiceLifecycle

/// Exponential backoff with full jitter, used by the relay, the inbox and the consumer between
/// attempts of an operation that failed transiently.
public struct RetryBackoff: Sendable, Hashable {
    /// The delay before the second attempt. Default 100 ms.
    public var initialDelay: Duration
    /// The largest delay between attempts. Default 10 s.
    public var maximumDelay: Duration
    /// How much the delay grows per failed attempt. Default 2.
    public var multiplier: Double
    /// Whether to draw each delay uniformly between half and all of the computed value, so that
    /// replicas that failed together do not retry together. Default `true`.
    public var jitter: Bool

    /// Creates a backoff policy; see the properties for the defaults.
    public init(
        initialDelay: Duration = .milliseconds(100),
        maximumDelay: Duration = .seconds(10),
        multiplier: Double = 2,
        jitter: Bool = true
    ) {
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.multiplier = max(1, multiplier)
        self.jitter = jitter
    }

    /// The delay to wait after `failures` consecutive failures (1 for the first failure).
    public func delay(afterFailures failures: Int) -> Duration {
        let initial = initialDelay / .milliseconds(1)
        let maximum = maximumDelay / .milliseconds(1)
        var computed = initial
        for _ in 1..<max(1, failures) where computed < maximum {
            computed *= multiplier
        }
        computed = min(computed, maximum)
        let chosen = jitter ? Double.random(in: (computed / 2)...max(computed / 2, computed)) : computed
        return .milliseconds(Int64(chosen.rounded()))
    }

    /// Sleeps for ``delay(afterFailures:)``.
    /// - Throws: `CancellationError` when the task is cancelled while waiting.
    public func wait(afterFailures failures: Int) async throws {
        try await Task.sleep(for: delay(afterFailures: failures))
    }

    /// Sleeps for `delay` before a retry, unless the service is stopping.
    /// - Throws: `CancellationError` when the task is cancelled, or a graceful shutdown has begun
    ///   (before or during the wait): work that keeps failing is abandoned rather than holding up the
    ///   shutdown; whatever was not committed is done again after the restart.
    public static func sleepUnlessStopping(for delay: Duration) async throws {
        try await cancelWhenGracefulShutdown { try await Task.sleep(for: delay) }
        if Task.isShuttingDownGracefully { throw CancellationError() }
    }
}
