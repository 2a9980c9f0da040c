import Foundation
import GridDomain
import Logging
import PostgresNIO

/// Reads and writes the state of cases the consumer applies events to: the `cases` rows and the latest
/// run of each stage in `stage_clocks`. One query loads any number of cases, one statement writes them
/// back (cases, runs, and the timer's wake-up).
struct CaseClockStore: Sendable {
    /// The `NOTIFY` channel the timer listens on.
    let channel: String

    /// Loads the cases `ids` (missing ones are new, with no clocks): the last sequence applied and the
    /// latest run of each stage. The stored snapshot is not read: every event carries the case after
    /// it, which replaces it.
    func load(_ ids: some Collection<CaseID>, on connection: PostgresConnection, logger: Logger) async throws -> [CaseID: CaseClocks] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        let rows = try await connection.query(
            """
            SELECT k.case_id, k.last_sequence, c.stage, c.run, c.clock::text, c.escalation, c.rule, c.yellow_issued_at, c.red_issued_at
            FROM cases k
            LEFT JOIN LATERAL (
                SELECT DISTINCT ON (s.stage) s.stage, s.run, s.clock, s.escalation, s.rule, s.yellow_issued_at, s.red_issued_at
                FROM stage_clocks s WHERE s.case_id = k.case_id
                ORDER BY s.stage, s.run DESC
            ) c ON true
            WHERE k.case_id = ANY(\(unique.map(\.rawValue))::uuid[])
            """, logger: logger)
        var sequences: [CaseID: Int] = [:]
        var runs: [CaseID: [TrackedClock]] = [:]
        for try await (id, sequence, stage, run, clock, escalation, rule, yellowIssued, redIssued) in rows.decode(
            (UUID, Int, String?, Int?, String?, String?, String?, Date?, Date?).self)
        {
            let caseID = CaseID(rawValue: id)
            sequences[caseID] = sequence
            guard let stage, let run, let clock, let escalation, let rule else { continue }
            runs[caseID, default: []].append(
                try StoredClockRow.trackedClock(
                    caseID: caseID, stage: stage, run: run, clock: clock, escalation: escalation, rule: rule,
                    yellowIssuedAt: yellowIssued, redIssuedAt: redIssued))
        }
        var loaded: [CaseID: CaseClocks] = [:]
        for id in unique {
            loaded[id] = CaseClocks(caseID: id, lastSequence: sequences[id] ?? 0, snapshot: nil, latestRuns: runs[id] ?? [])
        }
        return loaded
    }

    /// Writes the changed cases and runs of `cases` in one statement, and notifies the timer when a card
    /// falls due within `wakeHorizon` of `now`. Issued-card columns are never written here (the timer
    /// owns them), so a card issued while the consumer's copy was in flight is kept; a case row is only
    /// moved forward (a higher last sequence).
    func save(
        _ cases: some Sequence<CaseClocks>, calendar: WorkingCalendar, now: Date, wakeHorizon: Duration,
        on connection: PostgresConnection, logger: Logger
    ) async throws {
        var caseColumns = StoredCaseRow.Columns()
        var runColumns = StoredClockRow.Columns()
        var earliestCard: Date?
        for state in cases {
            if state.isChanged, let snapshot = state.snapshot {
                try caseColumns.append(caseID: state.caseID, lastSequence: state.lastSequence, snapshot: snapshot)
            }
            for run in state.changed {
                let times = try ClockTimes(of: run.clock, calendar: calendar)
                try runColumns.append(run, times: times)
                if let next = DeadlineCards.nextCardAt(for: run, times: times) {
                    earliestCard = min(earliestCard ?? next, next)
                }
            }
        }
        guard !caseColumns.isEmpty || !runColumns.isEmpty else { return }
        let horizon = now.addingTimeInterval(Double(wakeHorizon.components.seconds) + Double(wakeHorizon.components.attoseconds) / 1e18)
        let wake = earliestCard.map { $0 <= horizon } ?? false
        let (c, r) = (caseColumns, runColumns)
        try await connection.query(
            """
            WITH written_cases AS (
                INSERT INTO cases (case_id, case_number, last_sequence, snapshot, place_code, district, updated_at)
                SELECT u.id, u.number, u.sequence, u.snapshot::jsonb, NULLIF(u.place, ''), NULLIF(u.district, ''), now()
                FROM unnest(\(c.ids)::uuid[], \(c.numbers)::text[], \(c.sequences)::int[], \(c.snapshots)::text[], \(c.places)::text[],
                            \(c.districts)::text[])
                    AS u(id, number, sequence, snapshot, place, district)
                ON CONFLICT (case_id) DO UPDATE SET
                    case_number = EXCLUDED.case_number, last_sequence = EXCLUDED.last_sequence, snapshot = EXCLUDED.snapshot,
                    place_code = EXCLUDED.place_code, district = EXCLUDED.district, updated_at = now()
                WHERE cases.last_sequence < EXCLUDED.last_sequence
                RETURNING 1
            ), written_runs AS (
                INSERT INTO stage_clocks (
                    case_id, stage, run, status, started_at, stopped_at, paused_at, limit_amount, limit_unit, yellow_fraction,
                    escalation, rule, extensions, clock, yellow_at, due_at, red_at, updated_at)
                SELECT u.case_id, u.stage, u.run, u.status, u.started_at, NULLIF(u.stopped_at, 'epoch'), NULLIF(u.paused_at, 'epoch'),
                    u.limit_amount, u.limit_unit, u.yellow_fraction, u.escalation, u.rule, u.extensions::jsonb, u.clock::jsonb,
                    NULLIF(u.yellow_at, 'epoch'), NULLIF(u.due_at, 'epoch'), NULLIF(u.red_at, 'epoch'), now()
                FROM unnest(
                    \(r.caseIDs)::uuid[], \(r.stages)::text[], \(r.runs)::int[], \(r.statuses)::text[], \(r.startedAt)::timestamptz[],
                    \(r.stoppedAt)::timestamptz[], \(r.pausedAt)::timestamptz[], \(r.limitAmounts)::int[], \(r.limitUnits)::text[],
                    \(r.yellowFractions)::float8[], \(r.escalations)::text[], \(r.rules)::text[], \(r.extensions)::text[],
                    \(r.clocks)::text[], \(r.yellowAt)::timestamptz[], \(r.dueAt)::timestamptz[], \(r.redAt)::timestamptz[])
                    AS u(case_id, stage, run, status, started_at, stopped_at, paused_at, limit_amount, limit_unit, yellow_fraction,
                         escalation, rule, extensions, clock, yellow_at, due_at, red_at)
                ON CONFLICT (case_id, stage, run) DO UPDATE SET
                    status = EXCLUDED.status, stopped_at = EXCLUDED.stopped_at, paused_at = EXCLUDED.paused_at,
                    extensions = EXCLUDED.extensions, clock = EXCLUDED.clock, yellow_at = EXCLUDED.yellow_at,
                    due_at = EXCLUDED.due_at, red_at = EXCLUDED.red_at, updated_at = now()
                RETURNING 1
            )
            SELECT CASE WHEN \(wake) THEN pg_notify(\(channel), '') END
            """, logger: logger)
    }
}
