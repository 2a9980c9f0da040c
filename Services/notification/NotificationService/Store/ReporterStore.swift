#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
public import GridDomain
public import Logging
public import PostgresNIO

/// SQL access to `case_reporters`: how to reach a case's reporter at close.
public struct ReporterStore: Sendable {
    /// Creates the store.
    public init() {}

    /// Records the reporter of `caseId` (the first record of a case wins; the opening event is unique).
    public func record(_ reporter: ReporterOnRecord, caseId: CaseID, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            """
            INSERT INTO case_reporters (case_id, channel, masked_phone, has_phone, account_id, confidential)
            VALUES (\(caseId.rawValue), \(reporter.channel.rawValue), \(reporter.maskedPhone), \(reporter.hasPhone),
                \(reporter.accountId), \(reporter.confidential))
            ON CONFLICT (case_id) DO NOTHING
            """,
            logger: logger)
    }

    /// The reporter recorded for `caseId`, if any; with `removing`, the record is deleted in the same
    /// statement (at close: the case has no later notices, and the table keeps only open cases).
    public func reporter(
        of caseId: CaseID, removing: Bool = false, on connection: PostgresConnection, logger: Logger
    ) async throws -> ReporterOnRecord? {
        let columns = "channel, masked_phone, has_phone, account_id, confidential"
        let rows = try await connection.query(
            removing
                ? "DELETE FROM case_reporters WHERE case_id = \(caseId.rawValue) RETURNING \(unescaped: columns)"
                : "SELECT \(unescaped: columns) FROM case_reporters WHERE case_id = \(caseId.rawValue)",
            logger: logger)
        for try await (channel, phone, hasPhone, account, confidential) in rows.decode((String, String?, Bool, String?, Bool).self) {
            guard let channel = CaseChannel(rawValue: channel) else { return nil }
            return ReporterOnRecord(channel: channel, maskedPhone: phone, hasPhone: hasPhone, accountId: account, confidential: confidential)
        }
        return nil
    }
}
