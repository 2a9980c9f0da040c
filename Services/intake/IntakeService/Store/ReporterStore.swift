import Foundation
import GridDomain
import Logging
import PostgresNIO

/// The `reporters` table: the only place clear personal data of reporters is kept.
struct ReporterStore: Sendable {
    /// Inserts the records (one statement).
    func insert(_ records: [ReporterRecord], on connection: PostgresConnection, logger: Logger) async throws {
        guard !records.isEmpty else { return }
        try await connection.query(
            """
            INSERT INTO reporters (case_id, name, phone, account_id, confidential, details, address)
            SELECT r.case_id, NULLIF(r.name, ''), NULLIF(r.phone, ''), NULLIF(r.account, ''), r.confidential, r.details,
                   NULLIF(r.address, '')
            FROM unnest(\(records.map(\.caseID.rawValue))::uuid[], \(records.map { $0.name ?? "" })::text[],
                        \(records.map { $0.phone ?? "" })::text[], \(records.map { $0.accountID ?? "" })::text[],
                        \(records.map(\.confidential))::bool[], \(records.map(\.details))::text[],
                        \(records.map { $0.address ?? "" })::text[])
                 AS r(case_id, name, phone, account, confidential, details, address)
            ON CONFLICT (case_id) DO NOTHING
            """,
            logger: logger)
    }

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
