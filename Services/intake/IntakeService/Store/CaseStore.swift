import Foundation
import GridDomain
import Logging
import PostgresNIO

/// The `cases` table: replicas with the columns they are found by. Every write takes a list, so a
/// Kafka batch is one statement; `NULL`s travel in arrays as empty strings (`NULLIF`), since
/// PostgreSQL arrays of optionals are not encodable.
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

    /// Inserts new cases; a case whose `(channel, external reference)` is already stored is skipped.
    /// - Returns: The ids actually inserted.
    func insert(_ cases: [StoredCase], on connection: PostgresConnection, logger: Logger) async throws -> Set<CaseID> {
        guard !cases.isEmpty else { return [] }
        let columns = try CaseColumns(cases)
        let rows = try await connection.query(
            """
            INSERT INTO cases (id, number, state, category, urgency, channel, place, grid, community, street, district,
                               area_class, reporter_account, external_reference, reported_at, opened_at, updated_at,
                               last_sequence, replica, placement)
            SELECT c.id, c.number, c.state, NULLIF(c.category, ''), c.urgency, c.channel, NULLIF(c.place, ''),
                   NULLIF(c.grid, ''), NULLIF(c.community, ''), NULLIF(c.street, ''), NULLIF(c.district, ''),
                   NULLIF(c.area_class, ''), NULLIF(c.account, ''), NULLIF(c.reference, ''), c.reported_at, c.opened_at,
                   c.updated_at, c.last_sequence, c.replica::jsonb, c.placement::jsonb
            FROM unnest(\(columns.ids)::uuid[], \(columns.numbers)::text[], \(columns.states)::text[], \(columns.categories)::text[],
                        \(columns.urgencies)::text[], \(columns.channels)::text[], \(columns.places)::text[], \(columns.grids)::text[],
                        \(columns.communities)::text[], \(columns.streets)::text[], \(columns.districts)::text[],
                        \(columns.areaClasses)::text[], \(columns.accounts)::text[], \(columns.references)::text[],
                        \(columns.reportedAt)::timestamptz[], \(columns.openedAt)::timestamptz[], \(columns.updatedAt)::timestamptz[],
                        \(columns.lastSequences)::int8[], \(columns.replicas)::text[], \(columns.placements)::text[])
                 AS c(id, number, state, category, urgency, channel, place, grid, community, street, district, area_class,
                      account, reference, reported_at, opened_at, updated_at, last_sequence, replica, placement)
            ON CONFLICT (channel, external_reference) WHERE external_reference IS NOT NULL DO NOTHING
            RETURNING id
            """,
            logger: logger)
        var inserted: Set<CaseID> = []
        for try await id in rows.decode(UUID.self) { inserted.insert(CaseID(rawValue: id)) }
        return inserted
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
