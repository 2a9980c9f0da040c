import Foundation
import GridDomain
import Logging
import PostgresNIO

/// SQL access to `case_facts`: rows travel as one JSON array per statement, so a batch of any size
/// is one round trip to read (with row locks) and one to write.
struct CaseFactStore: Sendable {
    /// Loads the facts of `ids` and locks their rows until the transaction ends (in case-id order,
    /// so concurrent batches cannot deadlock). Cases without a row are absent from the result.
    func lockAndLoad(_ ids: some Collection<CaseID>, on connection: PostgresConnection, logger: Logger) async throws -> [CaseID: CaseFact] {
        guard !ids.isEmpty else { return [:] }
        let uuids = ids.map(\.rawValue)
        let rows = try await connection.query(
            """
            SELECT to_jsonb(f)::text FROM case_facts f
            WHERE f.case_id = ANY(\(uuids)::uuid[])
            ORDER BY f.case_id
            FOR UPDATE
            """,
            logger: logger
        )
        let decoder = ContractJSON.decoder
        var facts: [CaseID: CaseFact] = [:]
        for try await json in rows.decode(String.self) {
            let row = try decoder.decode(CaseFactRow.self, from: Data(json.utf8))
            facts[row.case_id] = row.fact
        }
        return facts
    }

    /// Inserts or replaces the rows of `facts` (one statement).
    func save(_ facts: some Collection<CaseFact>, on connection: PostgresConnection, logger: Logger) async throws {
        guard !facts.isEmpty else { return }
        let rows = facts.sorted { $0.caseID < $1.caseID }.map(CaseFactRow.init)
        let json = String(decoding: try ContractJSON.encode(rows), as: UTF8.self)
        try await connection.query(
            """
            INSERT INTO case_facts (\(unescaped: Self.columnList))
            SELECT \(unescaped: Self.columnList) FROM jsonb_to_recordset(\(json)::jsonb) AS r(\(unescaped: Self.recordDefinition))
            ON CONFLICT (case_id) DO UPDATE SET \(unescaped: Self.updateList), recorded_at = now()
            """,
            logger: logger
        )
    }

    private static let columnList = CaseFactRow.columns.map(\.name).joined(separator: ", ")
    private static let recordDefinition = CaseFactRow.columns.map { "\($0.name) \($0.type)" }.joined(separator: ", ")
    private static let updateList = CaseFactRow.columns.dropFirst().map { "\($0.name) = EXCLUDED.\($0.name)" }
        .joined(separator: ", ")
}
