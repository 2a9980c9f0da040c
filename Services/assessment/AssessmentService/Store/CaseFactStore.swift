import Foundation
import GridDomain
import Logging
import PostgresNIO

/// SQL access to `case_facts`: rows travel as one JSON array per statement (prepared once per
/// connection, ``FactStatements``), so a batch of any size is one round trip to read (with row
/// locks) and one to write.
struct CaseFactStore: Sendable {
    /// Loads the facts of `ids` and locks their rows until the transaction ends (in case-id order,
    /// so concurrent batches cannot deadlock). Cases without a row are absent from the result.
    func lockAndLoad(_ ids: some Collection<CaseID>, on connection: PostgresConnection, logger: Logger) async throws -> [CaseID: CaseFact] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await connection.execute(FactStatements.LockCases(caseIDs: ids.map(\.rawValue)), logger: logger)
        let decoder = ContractJSON.decoder
        var facts: [CaseID: CaseFact] = [:]
        for try await json in rows {
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
        _ = try await connection.execute(FactStatements.UpsertCases(json: json), logger: logger)
    }
}
