import Logging
import Metrics
import PostgresNIO
import ServiceLifecycle

extension InboxPruner {
    /// What one pruning run did.
    public struct Run: Sendable, Hashable {
        /// Records deleted.
        public var deleted: Int
        /// Delete statements executed.
        public var batches: Int
        /// `false` when a graceful shutdown stopped the run before the last batch.
        public var isComplete: Bool

        /// Creates a run summary.
        public init(deleted: Int = 0, batches: Int = 0, isComplete: Bool = true) {
            self.deleted = deleted
            self.batches = batches
            self.isComplete = isComplete
        }
    }

    /// Deletes every record of the schema's inbox (all consumers) processed more than
    /// ``Configuration/retention`` ago, a batch at a time, until a batch deletes fewer than
    /// ``Configuration/batchSize`` rows. Stops before the next batch when a graceful shutdown begins.
    /// - Returns: What was deleted.
    /// - Throws: The database error of the batch that failed (earlier batches stay deleted);
    ///   ``DatabaseDeadlineExceeded`` when a batch outlived ``Configuration/statementDeadline``;
    ///   `CancellationError` when cancelled.
    @discardableResult
    public func prune() async throws -> Run {
        var run = Run()
        while true {
            if Task.isShuttingDownGracefully || Task.isCancelled {
                run.isComplete = false
                return run
            }
            let deleted = try await deleteBatch()
            run.batches += 1
            run.deleted += deleted
            metrics.pruned.increment(by: deleted)
            if deleted < configuration.batchSize { return run }
        }
    }

    /// Deletes up to ``Configuration/batchSize`` expired records in one statement (its own transaction).
    /// The cut-off is computed by the server (`now() - retention`), so the services' clocks do not matter.
    private func deleteBatch() async throws -> Int {
        let (client, logger, table) = (client, logger, schema.qualifying("inbox"))
        let retentionSeconds = Double(configuration.retention.components.seconds)
            + Double(configuration.retention.components.attoseconds) / 1e18
        let limit = configuration.batchSize
        return try await withDatabaseDeadline(configuration.statementDeadline, "an inbox pruning batch", leasingFrom: client) { connection in
            let rows = try await connection.query(
                """
                WITH deleted AS (
                    DELETE FROM \(unescaped: table) WHERE ctid = ANY(ARRAY(
                        SELECT ctid FROM \(unescaped: table)
                        WHERE processed_at < now() - make_interval(secs => \(retentionSeconds))
                        LIMIT \(limit)
                        FOR UPDATE SKIP LOCKED
                    ))
                    RETURNING 1
                )
                SELECT count(*) FROM deleted
                """,
                logger: logger
            )
            var count = 0
            for try await value in rows.decode(Int.self) { count = value }
            return count
        }
    }
}
