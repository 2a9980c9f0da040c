import Foundation
public import GridDomain
public import Logging
import PostgresNIO

extension RoutingQueries {
    /// A page of cases with a pending extension or parking request (`kind` `extension`/`park`, or both
    /// when `nil`) within `placeScopes`, oldest first.
    public func pendingRequests(
        kind: String?, placeScopes: [String], limit: Int, offset: Int, logger: Logger
    ) async throws -> [CaseReplica] {
        let everywhere = placeScopes.contains("*")
        let patterns = placeScopes.filter { $0 != "*" }.map { $0 + "%" }
        let rows = try await client.query(
            """
            SELECT replica::text, grid, community, street, district, area_class, assignment_round, task_status, queued, returned_by
            FROM cases
            WHERE pending_request IS NOT NULL
              AND (\(kind)::text IS NULL OR pending_request = \(kind))
              AND (\(everywhere) OR place LIKE ANY(\(patterns)))
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
