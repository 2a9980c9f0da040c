import Logging
import Metrics
import PostgresNIO
import ServiceLifecycle

/// Publishes a schema's outbox: a `Service` every process that produces events runs.
///
/// **One active relay per schema.** Replicas compete for a session advisory lock
/// (`pg_try_advisory_lock`) on a pooled connection the leader then keeps (and `LISTEN`s on); the holder
/// publishes, the others stand by and retry every ``Configuration/leadershipRetryInterval``. If the
/// holder dies, PostgreSQL releases the lock with its connection and a standby takes over; if the
/// holder's lock connection closes, it stops leading at once. So in normal operation no row is
/// published twice and one key's rows are never reordered. (After a crash between publish and
/// mark-sent the new leader publishes those rows again; consumers drop the duplicates through their
/// inbox.) Rounds run on other pooled connections, so a dead connection is never reused.
///
/// **Rounds.** The leader reads up to ``Configuration/batchSize`` rows in `id` order, publishes them
/// with one ``MessagePublisher/publish(_:)`` call, then deletes the rows whose delivery succeeded
/// (in a transaction with `synchronous_commit` off: a lost delete only means a republish). While a full
/// batch is being published it already reads the next one (the lowest ids not in flight — never a
/// "last id" watermark, which could skip a row committed late); that read is dropped if the batch in
/// flight had a failure. At
/// the first failure of a key, that key's later rows of the round are not marked sent even if they
/// were delivered: they wait (and are published again) after the failed row, so a key's order holds
/// across retries. Failed rows get `attempts`, `last_attempt_at`, `last_error`; the next round comes
/// after an exponential backoff (``Configuration/backoff``), so the relay keeps working through broker
/// outages. A full batch is followed at once by the next round; otherwise the leader waits for a
/// `NOTIFY` from ``Outbox`` (sent at commit) or ``Configuration/pollInterval``.
///
/// **Shutdown.** On graceful shutdown the round in flight finishes (its rows are marked), then the
/// lock is released. Metrics: see ``OutboxRelayMetrics``.
public final class OutboxRelay: Service, Sendable {
    /// Tuning of the relay.
    public struct Configuration: Sendable {
        /// Most rows published per round. Default 1,000.
        public var batchSize: Int
        /// How long an idle leader waits for a notification before looking again. Default 1 s.
        public var pollInterval: Duration
        /// How often a standby replica tries to become the leader. Default 2 s.
        public var leadershipRetryInterval: Duration
        /// Delay between rounds after a failed publish or a lost database connection.
        /// Default 100 ms doubling to 10 s.
        public var backoff: RetryBackoff
        /// Least time between two `count(*)` refreshes of the pending gauge while the outbox holds more
        /// than a batch. Default 5 s.
        public var pendingCountInterval: Duration
        /// Longest time one database call of the relay may take before the connection is presumed lost:
        /// the relay closes it (so the server rolls back what it was doing and frees its locks) and starts
        /// over with a new one (see ``withDatabaseDeadline(_:_:closing:_:)``). Default 30 s.
        public var databaseTimeout: Duration

        /// Creates the configuration; see the properties for the defaults.
        public init(
            batchSize: Int = 1_000,
            pollInterval: Duration = .seconds(1),
            leadershipRetryInterval: Duration = .seconds(2),
            backoff: RetryBackoff = RetryBackoff(),
            pendingCountInterval: Duration = .seconds(5),
            databaseTimeout: Duration = .seconds(30)
        ) {
            self.batchSize = max(1, batchSize)
            self.pollInterval = pollInterval
            self.leadershipRetryInterval = leadershipRetryInterval
            self.backoff = backoff
            self.pendingCountInterval = pendingCountInterval
            self.databaseTimeout = databaseTimeout
        }
    }

    let outbox: Outbox
    let client: PostgresClient
    let publisher: any MessagePublisher
    let configuration: Configuration
    let logger: Logger
    let metrics: OutboxRelayMetrics

    /// Creates the relay of `outbox`'s schema.
    /// - Parameters:
    ///   - outbox: The outbox to publish.
    ///   - client: The service's pool; the leader keeps one of its connections for as long as it leads.
    ///   - publisher: Where rows go (``KafkaMessagePublisher`` in services).
    ///   - configuration: Tuning.
    ///   - logger: Where to log elections, failures and backoff.
    public init(
        outbox: Outbox,
        client: PostgresClient,
        publisher: any MessagePublisher,
        configuration: Configuration = Configuration(),
        logger: Logger
    ) {
        self.outbox = outbox
        self.client = client
        self.publisher = publisher
        self.configuration = configuration
        self.logger = logger
        self.metrics = OutboxRelayMetrics(schema: outbox.schema)
    }

    var leaderLockKey: Int64 { AdvisoryLockKey.bigint(purpose: "outbox-relay", scope: outbox.schema.name) }

    /// Competes for leadership and publishes while leader, until graceful shutdown or cancellation.
    public func run() async throws {
        var connectionFailures = 0
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            let wait: Duration
            do {
                let led = try await client.withConnection { connection in
                    try connection.requireOpen()
                    return try await self.leadIfElected(on: connection)
                }
                connectionFailures = 0
                wait = led ? .zero : configuration.leadershipRetryInterval
            } catch is CancellationError {
                break
            } catch {
                connectionFailures += 1
                wait = configuration.backoff.delay(afterFailures: connectionFailures)
                logger.error(
                    "outbox relay stopped leading after a database error; retrying",
                    metadata: ["schema": "\(outbox.schema)", "error": "\(String(reflecting: error))", "retry_in": "\(wait)"]
                )
            }
            if wait > .zero {
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: wait) }
            }
        }
        metrics.leader.record(0)
    }
}
