#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
public import GridDomain
public import Logging
public import PostgresNIO

/// SQL access to `case_reporters`: how to reach a case's reporter at close. Every method takes a whole
/// consumer batch and is one statement.
public struct ReporterStore: Sendable {
    /// Creates the store.
    public init() {}

    /// The reporters recorded for `caseIds` (cases without a record are absent).
    public func reporters(of caseIds: Set<CaseID>, on connection: PostgresConnection, logger: Logger) async throws -> [CaseID: ReporterOnRecord] {
        guard !caseIds.isEmpty else { return [:] }
        let rows = try await connection.query(
            """
            SELECT case_id, channel, masked_phone, has_phone, account_id, confidential
            FROM case_reporters WHERE case_id = ANY(\(caseIds.map(\.rawValue))::uuid[])
            """,
            logger: logger)
        var found: [CaseID: ReporterOnRecord] = [:]
        for try await (caseId, channel, phone, hasPhone, account, confidential) in rows.decode((UUID, String, String?, Bool, String?, Bool).self) {
            guard let channel = CaseChannel(rawValue: channel) else { continue }
            found[CaseID(rawValue: caseId)] = ReporterOnRecord(
                channel: channel, maskedPhone: phone, hasPhone: hasPhone, accountId: account, confidential: confidential)
        }
        return found
    }

    /// Applies a batch's changes: deletes the records of ``ReporterLedger/Changes/removed`` first, then
    /// inserts ``ReporterLedger/Changes/recorded`` (a record already there wins: `ON CONFLICT DO NOTHING`).
    public func apply(_ changes: ReporterLedger.Changes, on connection: PostgresConnection, logger: Logger) async throws {
        if !changes.removed.isEmpty {
            try await connection.query(
                "DELETE FROM case_reporters WHERE case_id = ANY(\(changes.removed.map(\.rawValue))::uuid[])", logger: logger)
        }
        guard !changes.recorded.isEmpty else { return }
        let records = changes.recorded.sorted { $0.key.rawValue.uuidString < $1.key.rawValue.uuidString }
        try await connection.query(
            """
            INSERT INTO case_reporters (case_id, channel, masked_phone, has_phone, account_id, confidential)
            SELECT r.case_id, r.channel, NULLIF(r.masked_phone, ''), r.has_phone, NULLIF(r.account_id, ''), r.confidential
            FROM unnest(\(records.map(\.key.rawValue))::uuid[], \(records.map(\.value.channel.rawValue))::text[],
                \(records.map { $0.value.maskedPhone ?? "" })::text[], \(records.map(\.value.hasPhone))::bool[],
                \(records.map { $0.value.accountId ?? "" })::text[], \(records.map(\.value.confidential))::bool[])
                AS r(case_id, channel, masked_phone, has_phone, account_id, confidential)
            ON CONFLICT (case_id) DO NOTHING
            """,
            logger: logger)
    }
}
