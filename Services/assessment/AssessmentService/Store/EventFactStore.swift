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
        var inserted: Set<String> = []
        for try await id in try await connection.execute(FactStatements.InsertEvents(json: json), logger: logger) {
            inserted.insert(id)
        }
        return inserted
    }
}
