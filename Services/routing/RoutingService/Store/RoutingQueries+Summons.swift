import Foundation
public import GridDomain
public import Logging
import PostgresNIO

extension RoutingQueries {
    /// A page of the cases in a joint response that summoned one of `units`, oldest first.
    public func summons(of units: [UnitID], limit: Int, offset: Int, logger: Logger) async throws -> [CaseReplica] {
        let rows = try await client.query(
            """
            SELECT \(unescaped: Self.replicaColumns)
            FROM cases
            WHERE state = 'joint_response' AND summoned_units && \(units.map(\.rawValue))::text[]
            ORDER BY updated_at, case_id
            LIMIT \(limit) OFFSET \(offset)
            """,
            logger: logger)
        return try await Self.replicas(in: rows)
    }
}
