public import Logging
public import Metrics
public import PostgresNIO
public import ServiceLifecycle

/// Deletes a schema's old inbox records on a schedule, so the `inbox` table stops growing: a service
/// records every event it processes (about sixteen per case), and a record is useless once the event
/// can no longer be redelivered, i.e. once it is older than the topics' retention.
///
/// One pruner per service (the scaffold adds it; see ``GridService/prunesInbox``), for every consumer
/// of the schema. A run deletes the records processed more than ``Configuration/retention`` ago (by the
/// database's clock) in batches of ``Configuration/batchSize`` rows, one short statement each, until a
/// batch deletes fewer: no long lock, no huge transaction. Replicas may run at the same time: the
/// batches skip rows another replica is deleting (`FOR UPDATE SKIP LOCKED`).
///
/// The first run comes ``Configuration/initialDelay`` after start, then one every
/// ``Configuration/interval``. A failed run is logged and counted, and tried again at the next interval;
/// the service never stops because of it. On graceful shutdown the batch in flight finishes and the run
/// stops before the next batch. Metrics: see ``InboxPrunerMetrics``.
public struct InboxPruner: Service, CustomStringConvertible {
    /// When and how much to prune.
    public struct Configuration: Sendable, Hashable {
        /// How long a processed event's record is kept. Must exceed the retention of every topic the
        /// service consumes, or an event redelivered after its record was deleted would be processed
        /// again. Default 14 days (the topics keep 7).
        public var retention: Duration
        /// Time between the starts of two runs. Default 1 hour.
        public var interval: Duration
        /// Time from start to the first run, so a starting service does its real work first. Default 1 minute.
        public var initialDelay: Duration
        /// Most rows one statement deletes. Default 10,000.
        public var batchSize: Int
        /// Longest time one batch statement may take before its connection is presumed lost and closed
        /// (see ``withDatabaseDeadline(_:_:closing:_:)``); the run then fails and is retried at the next
        /// interval. Default 60 s.
        public var statementDeadline: Duration

        /// Creates the configuration; see the properties for the defaults.
        public init(
            retention: Duration = .seconds(14 * 86_400),
            interval: Duration = .seconds(3_600),
            initialDelay: Duration = .seconds(60),
            batchSize: Int = 10_000,
            statementDeadline: Duration = .seconds(60)
        ) {
            self.retention = retention
            self.interval = interval
            self.initialDelay = initialDelay
            self.batchSize = max(1, batchSize)
            self.statementDeadline = statementDeadline
        }
    }

    /// The schema whose `inbox` table is pruned.
    public let schema: PostgresIdentifier
    /// The settings.
    public let configuration: Configuration
    let client: PostgresClient
    let logger: Logger
    let metrics: InboxPrunerMetrics

    /// Creates the pruner of `schema`'s inbox; it starts working in ``run()``.
    /// - Parameters:
    ///   - schema: The service schema (holding the platform `inbox` table).
    ///   - client: The service's pool.
    ///   - configuration: Retention, schedule and batch size.
    ///   - logger: Where runs and failures are logged.
    ///   - metricsFactory: Where the metrics go (the service's ``ServiceMetrics/factory``).
    public init(
        schema: PostgresIdentifier,
        client: PostgresClient,
        configuration: Configuration = Configuration(),
        logger: Logger,
        metricsFactory: any MetricsFactory
    ) {
        self.schema = schema
        self.client = client
        self.configuration = configuration
        self.logger = logger
        self.metrics = InboxPrunerMetrics(schema: schema, factory: metricsFactory)
    }

    public var description: String { "InboxPruner(\(schema))" }

    /// Prunes after ``Configuration/initialDelay`` and then every ``Configuration/interval``, until
    /// graceful shutdown or cancellation. Never throws: failed runs are logged and retried.
    public func run() async throws {
        var wait = configuration.initialDelay
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            if wait > .zero {
                let delay = wait
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: delay) }
                if Task.isShuttingDownGracefully || Task.isCancelled { break }
            }
            let started = ContinuousClock.now
            await pruneAndReport()
            let elapsed = ContinuousClock.now - started
            wait = max(.zero, configuration.interval - elapsed)
        }
    }

    /// One run with its log line and metrics; errors are logged, not thrown.
    private func pruneAndReport() async {
        let started = ContinuousClock.now
        do {
            let result = try await prune()
            let elapsed = ContinuousClock.now - started
            metrics.recordRun(duration: elapsed)
            logger.info(
                "inbox pruned",
                metadata: [
                    "schema": "\(schema)", "deleted": "\(result.deleted)", "batches": "\(result.batches)",
                    "retention": "\(configuration.retention)", "duration": "\(elapsed)",
                    "complete": "\(result.isComplete)",
                ])
        } catch is CancellationError {
            logger.info("inbox pruning stopped by shutdown", metadata: ["schema": "\(schema)"])
        } catch {
            metrics.failures.increment()
            logger.error(
                "inbox pruning failed; trying again at the next interval",
                metadata: [
                    "schema": "\(schema)", "error": "\(String(reflecting: Inbox.rootCause(of: error)))",
                    "retry_in": "\(configuration.interval)",
                ])
        }
    }
}
