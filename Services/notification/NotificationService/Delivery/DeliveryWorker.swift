#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GridRuntime
public import Logging
public import Metrics
public import PostgresNIO
public import ServiceLifecycle

/// Sends recorded deliveries: a ServiceLifecycle service that claims due rows of `deliveries` in
/// batches (`FOR UPDATE SKIP LOCKED`, so any number of replicas share the work without sending a row
/// twice in normal operation), hands them to their channel, and records each outcome.
///
/// At least once towards receivers: a delivery is marked sent only after its channel accepted it; if
/// the process dies in between, its claim's lease runs out and another worker sends it again with
/// the same `Idempotency-Key`. Transient failures are retried with ``DeliveryRetryPolicy``; permanent
/// ones and those out of attempts are marked failed.
///
/// Each database step of a round — the claim, the recording of outcomes — runs on a connection of its
/// own and is given up after ``Configuration/databaseDeadline`` (see ``withDatabaseDeadline(_:_:closing:_:)``):
/// its connection is closed, so the server rolls the step back, and the time-out is logged and counted
/// (`notification_worker_round_timeouts_total`). A claim given up sent nothing: its rows are claimed
/// again by the next round (or, if the claim had committed, once its lease runs out). Recording given up
/// is retried like any failed recording; the channel send itself is not bounded by the database deadline.
///
/// On graceful shutdown the batch in flight is finished and recorded; only the idle wait is cut short.
public struct DeliveryWorker: Service, CustomStringConvertible {
    /// Options of the worker.
    public struct Configuration: Sendable, Hashable {
        /// Most deliveries claimed per round. Default 200.
        public var batchSize: Int
        /// The wait after a round that found less than a full batch. Default 0.5 s.
        public var pollInterval: Duration
        /// How long a claim protects a delivery from other workers; must exceed the longest send of a
        /// batch. Default 120 s.
        public var lease: Duration
        /// Retries of transient failures.
        public var retry: DeliveryRetryPolicy
        /// The wait after a round that failed on the database (doubling up to 30 s). Default 1 s.
        public var errorBackoff: Duration
        /// Longest time one database step of a round (the claim, recording the outcomes) may take before
        /// its connection is presumed lost and closed. Default 60 s.
        public var databaseDeadline: Duration

        /// Creates options; see the properties for the defaults.
        public init(
            batchSize: Int = 200, pollInterval: Duration = .milliseconds(500), lease: Duration = .seconds(120),
            retry: DeliveryRetryPolicy = DeliveryRetryPolicy(), errorBackoff: Duration = .seconds(1),
            databaseDeadline: Duration = .seconds(60)
        ) {
            self.batchSize = max(1, batchSize)
            self.pollInterval = pollInterval
            self.lease = lease
            self.retry = retry
            self.errorBackoff = errorBackoff
            self.databaseDeadline = databaseDeadline
        }
    }

    /// The options.
    public let configuration: Configuration
    let channels: [ChannelKind: any NotificationChannel]
    let client: PostgresClient
    let store: DeliveryStore
    let logger: Logger
    let metrics: DeliveryMetrics

    /// Creates a worker.
    /// - Parameters:
    ///   - channels: The channels, one per kind; deliveries of a kind without a channel fail permanently.
    ///   - client: The pool.
    ///   - configuration: The options.
    ///   - logger: The logger.
    ///   - metricsFactory: Where the worker's metrics go (the service's registry).
    public init(
        channels: [any NotificationChannel], client: PostgresClient, configuration: Configuration = Configuration(), logger: Logger,
        metricsFactory: any MetricsFactory
    ) {
        self.channels = Dictionary(channels.map { ($0.kind, $0) }, uniquingKeysWith: { first, _ in first })
        self.client = client
        self.configuration = configuration
        self.store = DeliveryStore()
        self.logger = logger
        self.metrics = DeliveryMetrics(factory: metricsFactory)
    }

    /// `DeliveryWorker`.
    public var description: String { "DeliveryWorker" }

    /// Runs rounds until graceful shutdown (or cancellation).
    public func run() async throws {
        var failures = 0
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let claimed: Int
            do {
                claimed = try await round()
                failures = 0
            } catch is DatabaseDeadlineExceeded {
                continue  // logged and counted; the step was rolled back, the next round starts at once
            } catch {
                failures += 1
                metrics.countWorkerError()
                let delay = min(configuration.errorBackoff * (1 << min(failures - 1, 5)), .seconds(30))
                logger.warning(
                    "delivery round failed; retrying", metadata: ["error": "\(String(reflecting: error))", "retry_in": "\(delay)"])
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: delay) }
                continue
            }
            if claimed < configuration.batchSize {
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: configuration.pollInterval) }
            }
        }
    }

    /// One round: claim a batch, send it by channel, record the outcomes.
    /// - Returns: How many deliveries were claimed.
    @discardableResult
    public func round() async throws -> Int {
        let (store, logger, configuration) = (store, logger, configuration)
        let claimed = try await bounded("claiming deliveries") { connection in
            try await store.claimDue(limit: configuration.batchSize, lease: configuration.lease, on: connection, logger: logger)
        }
        guard !claimed.isEmpty else { return 0 }
        var completions: [DeliveryStore.Completion] = []
        completions.reserveCapacity(claimed.count)
        for (kind, batch) in Dictionary(grouping: claimed, by: \.channel) {
            let outcomes: [SendOutcome]
            let clock = ContinuousClock()
            let started = clock.now
            if let channel = channels[kind] {
                outcomes = await channel.send(batch)
            } else {
                outcomes = batch.map { _ in .permanentFailure("no \(kind.rawValue) channel in this service") }
            }
            metrics.recordBatch(channel: kind, duration: clock.now - started)
            var counts: [DeliveryStore.Completion.Outcome: Int] = [:]
            for (delivery, outcome) in zip(batch, outcomes) {
                let completion = completion(of: delivery, outcome)
                counts[completion.outcome, default: 0] += 1
                completions.append(completion)
            }
            for (outcome, count) in counts { metrics.count(channel: kind, outcome: outcome.rawValue, count) }
        }
        try await record(completions)
        return claimed.count
    }

    /// The completion to record for an outcome, with the retry decision.
    func completion(of delivery: ClaimedDelivery, _ outcome: SendOutcome) -> DeliveryStore.Completion {
        let caseLogger = logger.with(caseID: delivery.caseId.uuidString.lowercased())
        switch outcome {
        case .sent:
            return .init(id: delivery.id, attempt: delivery.attempt, outcome: .sent)
        case .permanentFailure(let reason):
            caseLogger.warning(
                "notification failed permanently",
                metadata: ["delivery_id": "\(delivery.id)", "recipient": "\(delivery.recipient)", "error": "\(reason)"])
            return .init(id: delivery.id, attempt: delivery.attempt, outcome: .failed, error: reason)
        case .transientFailure(let reason):
            guard let delay = configuration.retry.delay(afterFailedAttempt: delivery.attempt) else {
                caseLogger.warning(
                    "notification failed; out of attempts",
                    metadata: [
                        "delivery_id": "\(delivery.id)", "recipient": "\(delivery.recipient)", "attempts": "\(delivery.attempt)",
                        "error": "\(reason)",
                    ])
                return .init(id: delivery.id, attempt: delivery.attempt, outcome: .failed, error: "\(reason) (gave up after \(delivery.attempt) attempts)")
            }
            caseLogger.info(
                "notification failed; will retry",
                metadata: ["delivery_id": "\(delivery.id)", "attempt": "\(delivery.attempt)", "retry_in": "\(delay)", "error": "\(reason)"])
            return .init(id: delivery.id, attempt: delivery.attempt, outcome: .retry, error: reason, retryAfter: delay)
        }
    }

    /// Records completions, retrying a few times: if it never succeeds, the leases run out and the
    /// deliveries are sent again (receivers drop the repeats by id).
    private func record(_ completions: [DeliveryStore.Completion]) async throws {
        var attempt = 0
        while true {
            do {
                let (store, logger) = (store, logger)
                _ = try await bounded("recording delivery outcomes") { connection in
                    try await store.complete(completions, on: connection, logger: logger)
                }
                break
            } catch {
                attempt += 1
                if attempt >= 5 || Task.isCancelled { throw error }
                try await Task.sleep(for: configuration.errorBackoff * attempt)
            }
        }
    }
}
