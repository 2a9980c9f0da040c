#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
public import GridDomain
public import Logging
public import PostgresNIO

/// SQL access to `case_progress`: where each case stands, for judging deadline cards. Every method
/// takes a whole consumer batch and is one statement.
public struct ProgressStore: Sendable {
    /// Creates the store.
    public init() {}

    /// The stored progress of `caseIds` (cases without a row are absent).
    public func progress(of caseIds: Set<CaseID>, on connection: PostgresConnection, logger: Logger) async throws -> [CaseID: CaseProgress] {
        guard !caseIds.isEmpty else { return [:] }
        let rows = try await connection.query(
            """
            SELECT case_id, last_sequence, state, stage_ends::text
            FROM case_progress WHERE case_id = ANY(\(caseIds.map(\.rawValue))::uuid[])
            """,
            logger: logger)
        var found: [CaseID: CaseProgress] = [:]
        for try await (caseId, lastSequence, state, endsJSON) in rows.decode((UUID, Int, String, String).self) {
            let ends = (try? JSONDecoder().decode([String: Int].self, from: Data(endsJSON.utf8))) ?? [:]
            var stageEnds: [CaseStage: Int] = [:]
            for (name, sequence) in ends {
                if let stage = CaseStage(rawValue: name) { stageEnds[stage] = sequence }
            }
            found[CaseID(rawValue: caseId)] = CaseProgress(lastSequence: lastSequence, state: state, stageEnds: stageEnds)
        }
        return found
    }

    /// Merges `changes` into the stored rows: the later of the two last sequences (with its state), and
    /// per stage the later end. So a replayed or reordered batch never moves a case back.
    public func record(_ changes: [CaseID: CaseProgress], on connection: PostgresConnection, logger: Logger) async throws {
        guard !changes.isEmpty else { return }
        // In case id order, so that two transactions upserting the same cases lock them in the same order.
        let rows = changes.sorted { $0.key < $1.key }
        let ends = try rows.map { row -> String in
            let named = Dictionary(uniqueKeysWithValues: row.value.stageEnds.map { ($0.key.rawValue, $0.value) })
            return String(decoding: try JSONEncoder().encode(named), as: UTF8.self)
        }
        try await connection.query(
            """
            INSERT INTO case_progress AS p (case_id, last_sequence, state, stage_ends)
            SELECT r.case_id, r.last_sequence, r.state, r.stage_ends::jsonb
            FROM unnest(\(rows.map(\.key.rawValue))::uuid[], \(rows.map(\.value.lastSequence))::int8[],
                \(rows.map(\.value.state))::text[], \(ends)::text[]) AS r(case_id, last_sequence, state, stage_ends)
            ON CONFLICT (case_id) DO UPDATE SET
                last_sequence = GREATEST(p.last_sequence, EXCLUDED.last_sequence),
                state = CASE WHEN EXCLUDED.last_sequence >= p.last_sequence THEN EXCLUDED.state ELSE p.state END,
                stage_ends = (
                    SELECT coalesce(jsonb_object_agg(merged.stage, merged.sequence), '{}'::jsonb)
                    FROM (
                        SELECT e.key AS stage, max(e.value::integer) AS sequence
                        FROM (
                            SELECT * FROM jsonb_each_text(p.stage_ends)
                            UNION ALL SELECT * FROM jsonb_each_text(EXCLUDED.stage_ends)
                        ) AS e(key, value)
                        GROUP BY e.key
                    ) AS merged),
                updated_at = now()
            """,
            logger: logger)
    }
}
