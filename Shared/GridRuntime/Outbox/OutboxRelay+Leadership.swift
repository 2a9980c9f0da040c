import Logging
import Metrics
import PostgresNIO
import ServiceLifecycle
import Synchronization

extension OutboxRelay {
    /// Takes the leader lock if it is free and publishes until shutdown, cancellation, a database
    /// error or the loss of the lock connection.
    /// - Returns: `false` when another replica leads.
    func leadIfElected(on lockConnection: PostgresConnection) async throws -> Bool {
        let key = leaderLockKey
        let logger = self.logger
        let elected = try await withDatabaseDeadline(
            configuration.databaseTimeout, "taking the relay lock", closing: DeadlineConnection(lockConnection)
        ) {
            var elected = false
            let rows = try await lockConnection.query("SELECT pg_try_advisory_lock(\(key))", logger: logger)
            for try await acquired in rows.decode(Bool.self) { elected = acquired }
            return elected
        }
        guard elected else {
            logger.debug("another replica relays the outbox", metadata: ["schema": "\(outbox.schema)"])
            return false
        }
        logger.info("elected outbox relay leader", metadata: ["schema": "\(outbox.schema)"])
        metrics.leader.record(1)
        let wake = WakeSignal()
        let lockLost = LockLoss()
        lockConnection.closeFuture.whenComplete { _ in
            lockLost.record()
            wake.signal()
        }
        do {
            try await lockConnection.listen(on: outbox.channel) { notifications in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for try await _ in notifications { wake.signal() }
                    }
                    try await self.publishWhileLeading(wake: wake, lockLost: lockLost)
                    group.cancelAll()
                }
            }
        } catch {
            await resign(closing: lockConnection)
            throw error
        }
        // Read before resigning: resigning closes the connection itself.
        let lostWhileLeading = lockLost.happened
        await resign(closing: lockConnection)
        if lostWhileLeading {
            throw OutboxRelayLeadershipLost()
        }
        return true
    }

    /// Runs rounds until shutdown, cancellation or the loss of the lock connection.
    func publishWhileLeading(wake: WakeSignal, lockLost: LockLoss) async throws {
        var publishFailures = 0
        let clock = ContinuousClock()
        var lastPendingCount: ContinuousClock.Instant?
        var prefetched: [Row]?
        while !Task.isShuttingDownGracefully, !Task.isCancelled, !lockLost.happened {
            let round = try await client.withConnection { connection in
                try connection.requireOpen()
                let batch: [Row]
                if let prefetched {
                    batch = prefetched
                } else {
                    batch = try await self.fetchBatch(on: connection)
                }
                return try await self.runRound(batch, on: connection)
            }
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
                    metrics.pending.record(
                        try await client.withConnection { connection in
                            try connection.requireOpen()
                            return try await self.pendingCount(on: connection)
                        }
                    )
                }
                continue
            }
            metrics.pending.record(round.fetched - round.published)
            await cancelWhenGracefulShutdown { await wake.wait(timeout: self.configuration.pollInterval) }
        }
    }

    /// Gives up leadership by closing the lock connection: PostgreSQL releases the session lock when
    /// the connection ends, and the pool replaces the connection. (Closing rather than unlocking means
    /// no query is ever sent on a connection that may already be dead.)
    func resign(closing lockConnection: PostgresConnection) async {
        metrics.leader.record(0)
        do {
            try await lockConnection.close()
        } catch {
            logger.debug("lock connection already closed", metadata: ["error": "\(String(reflecting: error))"])
        }
        logger.info("resigned outbox relay leadership", metadata: ["schema": "\(outbox.schema)"])
    }
}

/// Set once the leader's lock connection has closed: the lock is gone, another replica may lead.
final class LockLoss: Sendable {
    private let state = Mutex(false)

    func record() { state.withLock { $0 = true } }

    var happened: Bool { state.withLock { $0 } }
}

/// The leader's lock connection closed while it was leading.
struct OutboxRelayLeadershipLost: Error, CustomStringConvertible {
    var description: String { "the connection holding the outbox relay lock closed; leadership is lost" }
}
