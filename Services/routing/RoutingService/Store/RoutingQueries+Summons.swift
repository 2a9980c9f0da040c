import Foundation
public import GridDomain
public import Logging
import PostgresNIO

extension RoutingQueries {
    /// A page of the cases in a joint response that summoned one of `units`, oldest first.
    public func summons(of units: [UnitID], limit: Int, offset: Int, logger: Logger) async throws -> [CaseReplica] {
        let rows = try await client.query(
            """
            SELECT replica::text, grid, community, street, district, area_class, assignment_round, task_status, queued, returned_by
            FROM cases
            WHERE state = 'joint_response' AND summoned_units && \(units.map(\.rawValue))::text[]
            ORDER BY updated_at, case_id
            LIMIT \(limit) OFFSET \(offset)
            """,
            logger: logger)
        var replicas: [CaseReplica] = []
        for try await (json, grid, community, street, district, areaClass, round, taskStatus, queued, returnedBy) in rows.decode(
            (String, String?, String?, String?, String?, String?, Int, String?, Bool, [String]).self)
        {
            replicas.append(
                try Self.replica(
                    json: json, placement: [grid, community, street, district, areaClass], round: round, taskStatus: taskStatus,
                    queued: queued, returnedBy: returnedBy))
        }
        return replicas
    }
}
