import Logging
import PostgresNIO

/// The transactional outbox of one service schema: state changes and the events announcing them are
/// committed together, and ``OutboxRelay`` publishes the events afterwards.
///
/// ```swift
/// let outbox = Outbox(schema: schema)
/// try await outbox.withTransaction(on: client, logger: logger) { transaction in
///     try await transaction.connection.query("UPDATE cases SET stage = 'filed' WHERE id = \(caseID)", logger: logger)
///     try transaction.enqueue(filedEvent, topic: "gridloop.cases")
/// }
/// ```
///
/// Ordering: ids come from a sequence, and sequences hand out ids in call order, not commit order. So
/// that one key's rows become visible in id order, the flush takes a transaction-scoped advisory lock
/// per message key (`pg_advisory_xact_lock(class, hash(key))`) before inserting: a second writer of the
/// same key waits until the first commits, so a row of a key is never visible before an earlier row of
/// that key. Locks are taken in ascending hash order within one flush; writers that enqueue keys in
/// different orders across several flushes may deadlock, which PostgreSQL resolves by aborting one with
/// `40P01` (a transient error the caller retries).
public struct Outbox: Sendable {
    /// The schema holding the `outbox` table.
    public let schema: PostgresIdentifier

    /// The outbox of `schema`.
    public init(schema: PostgresIdentifier) {
        self.schema = schema
    }

    /// Runs `body` in a transaction on a pooled connection, then writes the events it enqueued (one
    /// insert), wakes the relay (`NOTIFY`) and commits. Nothing is written if `body` throws.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws, or the database error (wrapped in `PostgresTransactionError`).
    public func withTransaction<Result>(
        on client: PostgresClient,
        logger: Logger,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (OutboxTransaction) async throws -> sending Result
    ) async throws -> sending Result {
        try await client.withConnection(isolation: isolation) { connection in
            try connection.requireOpen()
            return try await self.withTransaction(on: connection, logger: logger, isolation: isolation, body)
        }
    }

    /// Like ``withTransaction(on:logger:isolation:_:)-(PostgresClient,_,_,_)`` on a connection the
    /// caller holds.
    public func withTransaction<Result>(
        on connection: PostgresConnection,
        logger: Logger,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (OutboxTransaction) async throws -> sending Result
    ) async throws -> sending Result {
        try await connection.withTransaction(logger: logger, isolation: isolation) { connection in
            let transaction = OutboxTransaction(connection: connection, outbox: self, logger: logger)
            let result = try await body(transaction)
            try await transaction.flush()
            return result
        }
    }

    /// The `outbox` table, qualified.
    var table: String { schema.qualifying("outbox") }

    /// The `NOTIFY` channel the relay listens on: `outbox_<schema>` (at most 63 bytes).
    var channel: String { "outbox_" + String(schema.name.prefix(56)) }

    /// The advisory-lock class of this schema's per-key locks.
    var keyLockClass: Int32 { AdvisoryLockKey.int(purpose: "outbox-key", scope: schema.name) }
}
