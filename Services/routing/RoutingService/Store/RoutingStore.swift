import Foundation
public import GridDomain
public import Logging
public import PostgresNIO

/// SQL access to routing's schema. Loading and saving a ``RoutingWorkspace`` takes one statement per
/// table touched, however many cases it holds: rows travel as one JSON document expanded with
/// `json_to_recordset`, which also carries `NULL`s and arrays without per-row statements.
///
/// Every method runs on a connection the caller holds, inside the caller's transaction (the outbox's,
/// so that state, task rows and events commit together).
public struct RoutingStore: Sendable {
    /// Creates a store. Tables are found through the connection's `search_path` (the service schema).
    public init() {}

    /// Loads and locks (`FOR UPDATE`, in case-id order) the replicas of `ids` that exist.
    public func load(_ ids: [CaseID], on connection: PostgresConnection, logger: Logger) async throws -> [CaseReplica] {
        guard !ids.isEmpty else { return [] }
        let uuids = Array(Set(ids.map(\.rawValue)))
        let rows = try await connection.query(
            """
            SELECT replica::text, grid, community, street, district, area_class, assignment_round, task_status, queued, returned_by
            FROM cases WHERE case_id = ANY(\(uuids)) ORDER BY case_id FOR UPDATE
            """,
            logger: logger)
        var replicas: [CaseReplica] = []
        for try await (json, grid, community, street, district, areaClass, round, status, queued, returnedBy) in rows.decode(
            (String, String?, String?, String?, String?, String?, Int, String?, Bool, [String]).self)
        {
            replicas.append(
                try RoutingQueries.replica(
                    json: json, placement: [grid, community, street, district, areaClass], round: round, taskStatus: status,
                    queued: queued, returnedBy: returnedBy))
        }
        return replicas
    }

    /// Writes everything the workspace changed: replicas, new and changed assignments, queue
    /// settlements, then new queue entries (so a settlement never touches an entry made in the same
    /// workspace).
    public func save(_ workspace: RoutingWorkspace, on connection: PostgresConnection, logger: Logger) async throws {
        let encoder = ContractJSON.encoder
        let cases = workspace.changedCases.compactMap { workspace[$0] }.map(CaseRow.init)
        if !cases.isEmpty {
            try await connection.query(Self.upsertCases(try json(cases, encoder)), logger: logger)
        }
        if !workspace.newAssignments.isEmpty {
            let rows = workspace.newAssignments.map(AssignmentRow.init)
            try await connection.query(Self.insertAssignments(try json(rows, encoder)), logger: logger)
        }
        if !workspace.assignmentChanges.isEmpty {
            let rows = workspace.assignmentChanges.map(AssignmentChangeRow.init)
            try await connection.query(Self.updateAssignments(try json(rows, encoder)), logger: logger)
        }
        if !workspace.queueResolutions.isEmpty {
            let rows = workspace.queueResolutions.map(QueueResolutionRow.init)
            try await connection.query(Self.settleQueueEntries(try json(rows, encoder)), logger: logger)
        }
        if !workspace.redCards.isEmpty {
            let rows = workspace.redCards.map(RedCardRow.init)
            try await connection.query(Self.insertRedCards(try json(rows, encoder)), logger: logger)
        }
        if !workspace.queueEntries.isEmpty {
            let rows = workspace.queueEntries.enumerated().map { index, entry in
                QueueEntryRow(entry, settled: workspace.settledEntries[index])
            }
            try await connection.query(Self.insertQueueEntries(try json(rows, encoder)), logger: logger)
        }
    }

    private func json(_ rows: some Encodable, _ encoder: JSONEncoder) throws -> String {
        String(decoding: try encoder.encode(rows), as: UTF8.self)
    }
}
