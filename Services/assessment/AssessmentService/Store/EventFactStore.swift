import Foundation
import GridDomain
import Logging
import PostgresNIO

/// SQL access to `event_facts`.
struct EventFactStore: Sendable {
    /// Inserts `facts` in one statement, skipping events already recorded (same CloudEvents id, or a
    /// step with the same case and sequence).
    /// - Returns: The event ids that were new.
    func insert(_ facts: [EventFact], on connection: PostgresConnection, logger: Logger) async throws -> Set<String> {
        guard !facts.isEmpty else { return [] }
        let json = String(decoding: try ContractJSON.encode(facts.map(EventFactRow.init)), as: UTF8.self)
        let rows = try await connection.query(
            """
            INSERT INTO event_facts (\(unescaped: Self.columnList))
            SELECT \(unescaped: Self.columnList) FROM jsonb_to_recordset(\(json)::jsonb) AS r(\(unescaped: Self.recordDefinition))
            ON CONFLICT DO NOTHING
            RETURNING event_id
            """,
            logger: logger
        )
        var inserted: Set<String> = []
        for try await id in rows.decode(String.self) { inserted.insert(id) }
        return inserted
    }

    private static let columnList = EventFactRow.columns.map(\.name).joined(separator: ", ")
    private static let recordDefinition = EventFactRow.columns.map { "\($0.name) \($0.type)" }.joined(separator: ", ")
}
