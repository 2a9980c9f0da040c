import Logging
import Metrics
import PostgresNIO

extension OutboxRelay {
    /// What one round did.
    struct RoundResult: Sendable {
        /// Rows read.
        var fetched = 0
        /// Rows delivered and deleted.
        var published = 0
        /// Rows whose delivery failed (the first failure of each key).
        var failed = 0
        /// The first failure, for the log.
        var firstError: String?
        /// The next batch, read while this one was being published; `nil` if not read or not usable.
        var prefetched: [Row]?
    }

    /// One row of the outbox as the relay reads it.
    struct Row: Sendable {
        let id: Int64
        let key: String?
        let message: OutgoingMessage
    }

    /// Publishes `rows`, deletes what was delivered and records failures. While a full batch is being
    /// published, reads the next batch (excluding the rows in flight); it is returned only if every row
    /// of this round was delivered, because after a failure a key's later rows must wait.
    func runRound(_ rows: [Row], on connection: PostgresConnection) async throws -> RoundResult {
        guard !rows.isEmpty else { return RoundResult() }
        let started = ContinuousClock.now
        let messages = rows.map(\.message)
        async let publishing = publisher.publish(messages)
        var next: [Row]?
        if rows.count == configuration.batchSize {
            next = try await fetchBatch(excluding: rows.map(\.id), on: connection)
        }
        var results = await publishing
        if results.count != rows.count {
            logger.error(
                "outbox publisher returned \(results.count) results for \(rows.count) messages; treating the rest as failed",
                metadata: ["schema": "\(outbox.schema)"]
            )
            results = Array(results.prefix(rows.count))
            while results.count < rows.count {
                results.append(.failure(OutboxPublishResultMissing()))
            }
        }
        var delivered: [Int64] = []
        var failedIDs: [Int64] = []
        var failedErrors: [String] = []
        var blockedKeys: Set<String> = []
        for (row, result) in zip(rows, results) {
            if let key = row.key, blockedKeys.contains(key) { continue }
            switch result {
            case .success:
                delivered.append(row.id)
            case .failure(let error):
                failedIDs.append(row.id)
                failedErrors.append(String(String(describing: error).prefix(1_000)))
                if let key = row.key { blockedKeys.insert(key) }
            }
        }
        if !delivered.isEmpty || !failedIDs.isEmpty {
            try await markSent(delivered, failed: failedIDs, errors: failedErrors, on: connection)
            metrics.published.increment(by: delivered.count)
            metrics.failures.increment(by: failedIDs.count)
        }
        metrics.roundDuration.record(duration: ContinuousClock.now - started)
        return RoundResult(
            fetched: rows.count,
            published: delivered.count,
            failed: failedIDs.count,
            firstError: failedErrors.first,
            prefetched: failedIDs.isEmpty && delivered.count == rows.count ? next : nil
        )
    }

    /// Deletes the delivered rows and records the failures, in one transaction that does not wait for
    /// the WAL flush (`synchronous_commit` off): if the server crashed and lost it, the rows would
    /// only be published again, and consumers drop duplicates.
    private func markSent(_ delivered: [Int64], failed: [Int64], errors: [String], on connection: PostgresConnection) async throws {
        let logger = self.logger
        let table = outbox.table
        try await withDatabaseDeadline(
            configuration.databaseTimeout, "marking outbox rows sent", closing: DeadlineConnection(connection)
        ) {
            try await Self.markSent(delivered, failed: failed, errors: errors, in: table, on: connection, logger: logger)
        }
    }

    private static func markSent(
        _ delivered: [Int64], failed: [Int64], errors: [String], in table: String, on connection: PostgresConnection, logger: Logger
    ) async throws {
        try await connection.withTransaction(logger: logger) { transaction in
            try await transaction.query("SET LOCAL synchronous_commit TO off", logger: logger)
            if !delivered.isEmpty {
                try await transaction.query(
                    "DELETE FROM \(unescaped: table) WHERE id = ANY(\(delivered)::int8[])",
                    logger: logger
                )
            }
            if !failed.isEmpty {
                try await transaction.query(
                    """
                    UPDATE \(unescaped: table) AS o
                    SET attempts = o.attempts + 1, last_attempt_at = now(), last_error = f.error
                    FROM unnest(\(failed)::int8[], \(errors)::text[]) AS f(id, error)
                    WHERE o.id = f.id
                    """,
                    logger: logger
                )
            }
        }
    }

    /// Reads the lowest-id rows, skipping `excluded` (rows in flight, not yet deleted).
    func fetchBatch(excluding excluded: [Int64] = [], on connection: PostgresConnection) async throws -> [Row] {
        try await withDatabaseDeadline(configuration.databaseTimeout, "reading the outbox", closing: DeadlineConnection(connection)) {
            try await self.readBatch(excluding: excluded, on: connection)
        }
    }

    private func readBatch(excluding excluded: [Int64], on connection: PostgresConnection) async throws -> [Row] {
        let rows = try await connection.query(
            """
            SELECT id, topic, message_key, header_names, header_values, payload
            FROM \(unescaped: outbox.table) WHERE id <> ALL(\(excluded)::int8[])
            ORDER BY id LIMIT \(configuration.batchSize)
            """,
            logger: logger
        )
        var batch: [Row] = []
        batch.reserveCapacity(configuration.batchSize)
        for try await (id, topic, key, names, values, payload) in rows.decode(
            (Int64, String, String?, [String], [String], ByteBuffer?).self
        ) {
            let headers = zip(names, values).map { MessageHeader(name: $0, text: $1) }
            let message = OutgoingMessage(
                topic: topic,
                key: key.map { Array($0.utf8) },
                headers: headers,
                value: payload.map { Array($0.readableBytesView) }
            )
            batch.append(Row(id: id, key: key, message: message))
        }
        return batch
    }

    func pendingCount(on connection: PostgresConnection) async throws -> Int {
        let table = outbox.table
        let logger = self.logger
        let rows = try await withDatabaseDeadline(
            configuration.databaseTimeout, "counting the outbox", closing: DeadlineConnection(connection)
        ) {
            try await connection.query("SELECT count(*) FROM \(unescaped: table)", logger: logger).collect()
        }
        return try rows.first?.decode(Int.self) ?? 0
    }
}

/// A publisher returned fewer results than messages.
struct OutboxPublishResultMissing: Error, CustomStringConvertible {
    var description: String { "the publisher returned no result for this message" }
}
