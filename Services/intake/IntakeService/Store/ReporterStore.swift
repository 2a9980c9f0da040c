import Foundation
import GridDomain
import Logging
import PostgresNIO

/// The `reporters` table: the only place clear personal data of reporters is kept (written with the
/// case by ``OpeningWriter``).
struct ReporterStore: Sendable {
    /// The record of a case, or `nil`.
    func find(_ caseID: CaseID, on connection: PostgresConnection, logger: Logger) async throws -> ReporterRecord? {
        let rows = try await connection.query(
            "SELECT name, phone, account_id, confidential, details, address FROM reporters WHERE case_id = \(caseID.rawValue)",
            logger: logger)
        for try await (name, phone, account, confidential, details, address) in rows.decode(
            (String?, String?, String?, Bool, String, String?).self)
        {
            return ReporterRecord(
                caseID: caseID, name: name, phone: phone, accountID: account, confidential: confidential, details: details,
                address: address)
        }
        return nil
    }
}
