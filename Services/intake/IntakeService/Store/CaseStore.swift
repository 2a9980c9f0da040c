import Foundation
import GridDomain
import Logging
import PostgresNIO

/// The `cases` table: replicas with the columns they are found by. This type allocates case-number
/// serials and reads replicas; the writes are ``OpeningWriter`` (new cases) and ``ReplicaWriter``
/// (changed ones), one statement per Kafka batch.
struct CaseStore: Sendable {
    /// `count` new serials for case numbers (the sequence is not transactional: a rolled back
    /// transaction leaves a gap, never a repeat).
    func allocateSerials(_ count: Int, on connection: PostgresConnection, logger: Logger) async throws -> [Int] {
        guard count > 0 else { return [] }
        let rows = try await connection.query(
            "SELECT nextval('case_number_seq') FROM generate_series(1, \(count))", logger: logger)
        var serials: [Int] = []
        serials.reserveCapacity(count)
        for try await serial in rows.decode(Int.self) { serials.append(serial) }
        return serials
    }

    /// The stored cases with these ids, locked for update until the transaction ends (in id order,
    /// so concurrent writers cannot deadlock on them).
    func lock(_ ids: [CaseID], on connection: PostgresConnection, logger: Logger) async throws -> [CaseID: StoredCase] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await connection.query(
            """
            SELECT id, replica::text, placement::text FROM cases
            WHERE id = ANY(\(ids.map(\.rawValue))::uuid[]) ORDER BY id FOR UPDATE
            """,
            logger: logger)
        var found: [CaseID: StoredCase] = [:]
        for try await (id, replica, placement) in rows.decode((UUID, String, String).self) {
            found[CaseID(rawValue: id)] = try StoredCase(replicaJSON: replica, placementJSON: placement)
        }
        return found
    }

    /// The stored case, or `nil`.
    func find(_ id: CaseID, on connection: PostgresConnection, logger: Logger) async throws -> StoredCase? {
        let rows = try await connection.query(
            "SELECT replica::text, placement::text FROM cases WHERE id = \(id.rawValue)", logger: logger)
        for try await (replica, placement) in rows.decode((String, String).self) {
            return try StoredCase(replicaJSON: replica, placementJSON: placement)
        }
        return nil
    }
}
