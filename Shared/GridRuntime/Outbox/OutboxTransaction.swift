import Logging
import PostgresNIO

/// An open transaction of ``Outbox/withTransaction(on:logger:isolation:_:)-(PostgresClient,_,_,_)`` (or of an inbox
/// handler): the connection to change state on, and a buffer of events to publish once it commits.
///
/// Enqueued events are written in one statement just before the commit. Use it only inside the
/// closure that received it.
public final class OutboxTransaction {
    /// The connection, inside the transaction. Run state changes on it.
    public let connection: PostgresConnection
    /// The logger to pass to queries.
    public let logger: Logger
    let outbox: Outbox
    private(set) var entries: [OutboxEntry] = []

    init(connection: PostgresConnection, outbox: Outbox, logger: Logger) {
        self.connection = connection
        self.outbox = outbox
        self.logger = logger
    }

    /// Enqueues `event` for `topic`, keyed by `key` or else the event's `subject`.
    /// - Throws: ``OutboxError`` when the event is invalid, its type not versioned, or its id already
    ///   enqueued in this transaction.
    public func enqueue(_ event: CloudEvent, topic: String, key: String? = nil) throws(OutboxError) {
        try enqueue(OutboxEntry(event: event, topic: topic, key: key))
    }

    /// Enqueues a prepared entry.
    /// - Throws: ``OutboxError/Code-swift.struct/duplicateEventID`` when its id is already enqueued here.
    public func enqueue(_ entry: OutboxEntry) throws(OutboxError) {
        if entries.contains(where: { $0.eventID == entry.eventID }) {
            throw OutboxError(code: .duplicateEventID, message: "event \(entry.eventID) is enqueued twice in one transaction")
        }
        entries.append(entry)
    }

    /// The number of events enqueued so far.
    public var count: Int { entries.count }

    /// Most rows per insert statement (7 parameters each, PostgreSQL allows 65,535 per statement).
    static let rowsPerInsert = 5_000

    /// Writes the events enqueued so far: takes the per-key locks (held until the transaction ends),
    /// inserts the rows and notifies the relay (delivered at commit). Runs automatically before the
    /// commit; call it earlier only to write events before further work in the same transaction.
    public func flush() async throws {
        guard !entries.isEmpty else { return }
        let lockKeys = Set(entries.compactMap(\.key).map(AdvisoryLockKey.hash32)).sorted()
        if !lockKeys.isEmpty {
            try await connection.query(
                "SELECT pg_advisory_xact_lock(\(outbox.keyLockClass), k) FROM unnest(\(lockKeys)::int4[]) AS k",
                logger: logger
            )
        }
        var start = entries.startIndex
        while start < entries.endIndex {
            let end = min(start + Self.rowsPerInsert, entries.endIndex)
            try await connection.query(insertQuery(for: entries[start..<end]), logger: logger)
            start = end
        }
        try await connection.query("SELECT pg_notify(\(outbox.channel), '')", logger: logger)
        entries.removeAll()
    }

    private func insertQuery(for rows: ArraySlice<OutboxEntry>) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: rows.count * 7)
        var sql = "INSERT INTO \(outbox.table) (event_id, event_type, topic, message_key, header_names, header_values, payload) VALUES "
        for (index, entry) in rows.enumerated() {
            let base = index * 7
            if index > 0 { sql += ", " }
            sql += "($\(base + 1), $\(base + 2), $\(base + 3), $\(base + 4), $\(base + 5), $\(base + 6), $\(base + 7))"
            bindings.append(entry.eventID)
            bindings.append(entry.eventType)
            bindings.append(entry.topic)
            bindings.append(entry.key)
            bindings.append(entry.headerNames)
            bindings.append(entry.headerValues)
            bindings.append(entry.payload.map { ByteBuffer(bytes: $0) })
        }
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }
}
