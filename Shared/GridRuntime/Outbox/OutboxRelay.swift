import Logging
import Metrics
import PostgresNIO
import ServiceLifecycle

/// Publishes a schema's outbox: a `Service` every process that produces events runs.
///
/// **One active relay per schema.** Replicas compete for a session advisory lock
/// (`pg_try_advisory_lock`) on a dedicated pooled connection; the holder publishes, the others stand by
/// and retry every ``Configuration/leadershipRetryInterval``. If the holder dies, PostgreSQL releases
/// the lock with its connection and a standby takes over. So in normal operation no row is published
/// twice and one key's rows are never reordered. (After a crash between publish and mark-sent the
/// new leader publishes those rows again; consumers drop the duplicates through their inbox.)
///
/// **Rounds.** The leader reads up to ``Configuration/batchSize`` rows in `id` order, publishes them
/// with one ``MessagePublisher/publish(_:)`` call, then deletes the rows whose delivery succeeded
/// (with `synchronous_commit` off on its session: a lost delete only means a republish). While a full
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

        /// Creates the configuration; see the properties for the defaults.
        public init(
            batchSize: Int = 1_000,
            pollInterval: Duration = .seconds(1),
            leadershipRetryInterval: Duration = .seconds(2),
            backoff: RetryBackoff = RetryBackoff(),
            pendingCountInterval: Duration = .seconds(5)
        ) {
            self.batchSize = max(1, batchSize)
            self.pollInterval = pollInterval
            self.leadershipRetryInterval = leadershipRetryInterval
            self.backoff = backoff
            self.pendingCountInterval = pendingCountInterval
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
                    try await self.leadIfElected(on: connection)
                }
                connectionFailures = 0
                wait = led ? .zero : configuration.leadershipRetryInterval
            } catch is CancellationError {
                break
            } catch {
                connectionFailures += 1
                wait = configuration.backoff.delay(afterFailures: connectionFailures)
                logger.error(
                    "outbox relay lost its database connection; retrying",
                    metadata: ["schema": "\(outbox.schema)", "error": "\(String(reflecting: error))", "retry_in": "\(wait)"]
                )
            }
            if wait > .zero {
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: wait) }
            }
        }
        metrics.leader.record(0)
    }

    /// Takes the leader lock if free and publishes until shutdown or a database error.
    /// - Returns: `false` when another replica leads.
    private func leadIfElected(on connection: PostgresConnection) async throws -> Bool {
        let rows = try await connection.query("SELECT pg_try_advisory_lock(\(leaderLockKey))", logger: logger)
        var elected = false
        for try await acquired in rows.decode(Bool.self) { elected = acquired }
        guard elected else {
            logger.debug("another replica relays the outbox", metadata: ["schema": "\(outbox.schema)"])
            return false
        }
        logger.info("elected outbox relay leader", metadata: ["schema": "\(outbox.schema)"])
        metrics.leader.record(1)
        do {
            // Marking rows sent need not wait for the WAL flush: if the server crashed and lost a delete,
            // the row would only be published again (consumers drop duplicates). Reset in `resign`.
            try await connection.query("SET synchronous_commit TO off", logger: logger)
            try await lead(on: connection)
        } catch {
            metrics.leader.record(0)
            await resign(on: connection)
            throw error
        }
        metrics.leader.record(0)
        await resign(on: connection)
        return true
    }

    /// Listens for outbox notifications and runs rounds until shutdown.
    private func lead(on connection: PostgresConnection) async throws {
        let wake = WakeSignal()
        try await connection.listen(on: outbox.channel) { notifications in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for try await _ in notifications { wake.signal() }
                }
                try await self.publishWhileLeading(on: connection, wake: wake)
                group.cancelAll()
            }
        }
    }

    private func publishWhileLeading(on connection: PostgresConnection, wake: WakeSignal) async throws {
        var publishFailures = 0
        let clock = ContinuousClock()
        var lastPendingCount: ContinuousClock.Instant?
        var prefetched: [Row]?
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            let batch: [Row]
            if let prefetched {
                batch = prefetched
            } else {
                batch = try await fetchBatch(on: connection)
            }
            let round = try await runRound(batch, on: connection)
            prefetched = round.prefetched
            if round.failed > 0 {
                publishFailures += 1
                let delay = configuration.backoff.delay(afterFailures: publishFailures)
                logger.warning(
                    "outbox publish failed; backing off",
                    metadata: [
                        "schema": "\(outbox.schema)", "failed": "\(round.failed)", "published": "\(round.published)",
                        "error": "\(round.firstError ?? "")", "retry_in": "\(delay)",
                    ]
                )
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: delay) }
                continue
            }
            publishFailures = 0
            if round.fetched == configuration.batchSize {
                if lastPendingCount.map({ clock.now - $0 >= configuration.pendingCountInterval }) ?? true {
                    lastPendingCount = clock.now
                    metrics.pending.record(try await pendingCount(on: connection))
                }
                continue
            }
            metrics.pending.record(round.fetched - round.published)
            await cancelWhenGracefulShutdown { await wake.wait(timeout: self.configuration.pollInterval) }
        }
    }

    /// Resets the session and releases the leader lock; closes the connection if that fails, so neither
    /// the lock nor the setting can stay on a connection returned to the pool.
    private func resign(on connection: PostgresConnection) async {
        do {
            try await connection.query("RESET synchronous_commit", logger: logger)
            try await connection.query("SELECT pg_advisory_unlock(\(leaderLockKey))", logger: logger)
            logger.info("resigned outbox relay leadership", metadata: ["schema": "\(outbox.schema)"])
        } catch {
            logger.warning(
                "could not release the outbox relay lock; closing the connection",
                metadata: ["schema": "\(outbox.schema)", "error": "\(String(reflecting: error))"]
            )
            try? await connection.close()
        }
    }
}
