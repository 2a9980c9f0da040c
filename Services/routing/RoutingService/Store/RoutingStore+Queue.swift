import Foundation
public import GridDomain
public import Logging
public import PostgresNIO

extension RoutingStore {
    /// The open queue entry of a case (reason and resolver account), read inside the caller's transaction.
    public func openQueueEntry(
        of id: CaseID, on connection: PostgresConnection, logger: Logger
    ) async throws -> (reason: ManualDispatchRequiredV1.Reason, resolver: ResolverExplanation?)? {
        let rows = try await connection.query(
            "SELECT reason, resolver::text FROM dispatch_queue WHERE case_id = \(id.rawValue) AND resolved_at IS NULL",
            logger: logger)
        for try await (reason, resolver) in rows.decode((String, String?).self) {
            let account = try resolver.map { try ContractJSON.decoder.decode(ResolverExplanation.self, from: Data($0.utf8)) }
            return (ManualDispatchRequiredV1.Reason(rawValue: reason) ?? .noResponsibleUnit, account)
        }
        return nil
    }
}
