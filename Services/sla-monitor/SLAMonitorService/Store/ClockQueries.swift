import Foundation
import GridDomain
import Logging
import PostgresNIO

/// The reads behind the HTTP API.
struct ClockQueries: Sendable {
    /// A case with every run of every stage clock.
    struct CaseRuns: Sendable {
        let snapshot: CaseSnapshotV1
        let lastSequence: Int
        let runs: [TrackedClock]
    }

    /// A running clock past its due time.
    struct OverdueRun: Sendable {
        let caseID: CaseID
        let caseNumber: String
        let stage: CaseStage
        let run: Int
        let startedAt: Date
        let dueAt: Date
        let limit: TimeLimitV1
        let redIssuedAt: Date?
        let placeCode: String?
        let district: String?
        let leadUnit: String?
        let state: String
    }

    /// Which overdue clocks to list.
    struct OverdueFilter: Sendable {
        /// Only this district's cases.
        var district: String?
        /// Only this stage.
        var stage: CaseStage?
        /// Place-code prefixes the caller may see; `nil` for every place.
        var placePrefixes: [String]?
        /// The most rows.
        var limit: Int
    }

    /// The case and all its runs (in the order they started, then in the loop's stage order), or `nil`
    /// when the monitor has not seen the case.
    func runs(of caseID: CaseID, on client: PostgresClient, logger: Logger) async throws -> CaseRuns? {
        let caseRows = try await client.query(
            "SELECT last_sequence, snapshot::text FROM cases WHERE case_id = \(caseID.rawValue)", logger: logger)
        var found: (Int, CaseSnapshotV1)?
        for try await (sequence, snapshot) in caseRows.decode((Int, String).self) {
            found = (sequence, try StoredJSON.snapshot(snapshot))
        }
        guard let found else { return nil }
        let rows = try await client.query(
            """
            SELECT stage, run, clock::text, escalation, rule, yellow_issued_at, red_issued_at
            FROM stage_clocks WHERE case_id = \(caseID.rawValue)
            """, logger: logger)
        var runs: [TrackedClock] = []
        for try await (stage, run, clock, escalation, rule, yellowIssued, redIssued) in rows.decode(
            (String, Int, String, String, String, Date?, Date?).self)
        {
            runs.append(
                try StoredClockRow.trackedClock(
                    caseID: caseID, stage: stage, run: run, clock: clock, escalation: escalation, rule: rule,
                    yellowIssuedAt: yellowIssued, redIssuedAt: redIssued))
        }
        let stageOrder = Dictionary(uniqueKeysWithValues: CaseStage.allCases.enumerated().map { ($1, $0) })
        runs.sort { a, b in
            (a.clock.startedAt, stageOrder[a.key.stage] ?? 0, a.key.run) < (b.clock.startedAt, stageOrder[b.key.stage] ?? 0, b.key.run)
        }
        return CaseRuns(snapshot: found.1, lastSequence: found.0, runs: runs)
    }

    /// Running clocks past due at `now`, the longest overdue first.
    func overdue(_ filter: OverdueFilter, now: Date, on client: PostgresClient, logger: Logger) async throws -> [OverdueRun] {
        let everywhere = filter.placePrefixes == nil
        let patterns = (filter.placePrefixes ?? []).map { $0 + "%" }
        let rows = try await client.query(
            """
            SELECT c.case_id, k.case_number, c.stage, c.run, c.started_at, c.due_at, c.limit_amount, c.limit_unit,
                   c.red_issued_at, k.place_code, k.district, k.snapshot->>'leadUnit', k.snapshot->>'state'
            FROM stage_clocks c JOIN cases k ON k.case_id = c.case_id
            WHERE c.status = 'running' AND c.due_at < \(now)
              AND (\(filter.stage?.rawValue)::text IS NULL OR c.stage = \(filter.stage?.rawValue))
              AND (\(filter.district)::text IS NULL OR k.district = \(filter.district))
              AND (\(everywhere) OR k.place_code LIKE ANY(\(patterns)::text[]))
            ORDER BY c.due_at, c.case_id, c.stage
            LIMIT \(filter.limit)
            """, logger: logger)
        var result: [OverdueRun] = []
        for try await (id, number, stage, run, started, due, amount, unit, redIssued, place, district, lead, state) in rows.decode(
            (UUID, String, String, Int, Date, Date, Int, String, Date?, String?, String?, String?, String).self)
        {
            guard let stage = CaseStage(rawValue: stage), let unit = TimeLimitUnit(rawValue: unit) else {
                throw StoredDataError("unreadable stage '\(stage)' or unit '\(unit)' in stage_clocks")
            }
            result.append(
                OverdueRun(
                    caseID: CaseID(rawValue: id), caseNumber: number, stage: stage, run: run, startedAt: started, dueAt: due,
                    limit: TimeLimitV1(amount: amount, unit: unit), redIssuedAt: redIssued, placeCode: place, district: district,
                    leadUnit: lead, state: state))
        }
        return result
    }
}
