import Foundation
public import GridDomain
public import Logging
public import PostgresNIO

/// The reads behind routing's HTTP API (no locks; each is one statement).
public struct RoutingQueries: Sendable {
    let client: PostgresClient

    /// Queries over `client`.
    public init(client: PostgresClient) {
        self.client = client
    }

    /// A page of the open tasks whose lead is one of `units`, in `statuses`, oldest dispatch first.
    public func tasks(
        leadUnits units: [UnitID], statuses: [TaskStatus], limit: Int, offset: Int, logger: Logger
    ) async throws -> [(replica: CaseReplica, task: TaskRow)] {
        let rows = try await client.query(
            """
            SELECT c.replica::text, c.grid, c.community, c.street, c.district, c.area_class, c.assignment_round, c.task_status,
                c.queued, c.returned_by, a.lead_unit, a.co_units, a.status, a.dispatched_at, a.clock_started_at, a.signed_at
            FROM assignments a JOIN cases c ON c.case_id = a.case_id AND c.assignment_round = a.round
            WHERE a.lead_unit = ANY(\(units.map(\.rawValue)))
              AND a.status IN ('dispatched', 'in_disposal', 'parked', 'joint_response', 'rework')
              AND a.status = ANY(\(statuses.map(\.rawValue)))
            ORDER BY a.dispatched_at, a.case_id
            LIMIT \(limit) OFFSET \(offset)
            """,
            logger: logger)
        var result: [(CaseReplica, TaskRow)] = []
        for try await (json, grid, community, street, district, areaClass, round, taskStatus, queued, returnedBy, lead, coUnits, status, dispatchedAt, clockStartedAt, signedAt)
            in rows.decode(
                (String, String?, String?, String?, String?, String?, Int, String?, Bool, [String], String, [String], String, Date, Date, Date?).self)
        {
            let replica = try Self.replica(
                json: json, placement: [grid, community, street, district, areaClass], round: round, taskStatus: taskStatus,
                queued: queued, returnedBy: returnedBy)
            let task = TaskRow(
                round: round, lead: UnitID(lead), coUnits: coUnits.map(UnitID.init(rawValue:)),
                status: TaskStatus(rawValue: status) ?? .dispatched, dispatchedAt: dispatchedAt, clockStartedAt: clockStartedAt,
                signedAt: signedAt)
            result.append((replica, task))
        }
        return result
    }

    /// The replica of one case, without locking; `nil` when routing has not seen it.
    public func replica(_ id: CaseID, logger: Logger) async throws -> CaseReplica? {
        let rows = try await client.query(
            """
            SELECT replica::text, grid, community, street, district, area_class, assignment_round, task_status, queued, returned_by
            FROM cases WHERE case_id = \(id.rawValue)
            """,
            logger: logger)
        for try await (json, grid, community, street, district, areaClass, round, taskStatus, queued, returnedBy) in rows.decode(
            (String, String?, String?, String?, String?, String?, Int, String?, Bool, [String]).self)
        {
            return try Self.replica(
                json: json, placement: [grid, community, street, district, areaClass], round: round, taskStatus: taskStatus,
                queued: queued, returnedBy: returnedBy)
        }
        return nil
    }

    /// Builds a replica from its stored columns.
    static func replica(
        json: String, placement: [String?], round: Int, taskStatus: String?, queued: Bool, returnedBy: [String]
    ) throws -> CaseReplica {
        let current = try ContractJSON.decoder.decode(Case.self, from: Data(json.utf8))
        return CaseReplica(
            current: current, placement: try Self.placement(placement), assignmentRound: round, taskStatus: taskStatus.flatMap(TaskStatus.init(rawValue:)),
            queued: queued, returnedBy: returnedBy.map(UnitID.init(rawValue:)), isStored: true)
    }
}
