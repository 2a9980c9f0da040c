import Foundation
import GridDomain
import Logging
import PostgresNIO

/// Reads and writes the state of cases the consumer applies events to: the `cases` rows and the latest
/// run of each stage in `stage_clocks`. Both directions are batched: one query loads every case of a
/// Kafka batch, two statements write them back.
struct CaseClockStore: Sendable {
    /// The `NOTIFY` channel the timer listens on.
    let channel: String

    /// Loads the cases `ids` (missing ones are new, with no clocks): the last sequence applied and the
    /// latest run of each stage.
    func load(_ ids: [CaseID], on connection: PostgresConnection, logger: Logger) async throws -> [CaseID: CaseClocks] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        let uuids = unique.map(\.rawValue)
        // The stored snapshot is not read: every event carries the case after it, which replaces it.
        var sequences: [CaseID: Int] = [:]
        let caseRows = try await connection.query(
            "SELECT case_id, last_sequence FROM cases WHERE case_id = ANY(\(uuids)::uuid[])", logger: logger)
        for try await (id, sequence) in caseRows.decode((UUID, Int).self) {
            sequences[CaseID(rawValue: id)] = sequence
        }
        var runs: [CaseID: [TrackedClock]] = [:]
        let clockRows = try await connection.query(
            """
            SELECT DISTINCT ON (case_id, stage) case_id, stage, run, clock::text, escalation, rule, yellow_issued_at, red_issued_at
            FROM stage_clocks WHERE case_id = ANY(\(uuids)::uuid[])
            ORDER BY case_id, stage, run DESC
            """, logger: logger)
        for try await (id, stage, run, clock, escalation, rule, yellowIssued, redIssued) in clockRows.decode(
            (UUID, String, Int, String, String, String, Date?, Date?).self)
        {
            let caseID = CaseID(rawValue: id)
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

    /// Writes the changed cases and clock runs. Issued-card columns are never written here (the timer
    /// owns them), so a card issued while the batch was in flight is kept. Notifies the timer when a
    /// card falls due within `wakeHorizon`.
    func save(
        _ cases: [CaseClocks], calendar: WorkingCalendar, now: Date, wakeHorizon: Duration, on connection: PostgresConnection,
        logger: Logger
    ) async throws {
        let changedCases = cases.filter(\.isChanged)
        if !changedCases.isEmpty {
            try await connection.query(try casesUpsert(changedCases), logger: logger)
        }
        var rows = StoredClockRow.Columns()
        var earliestCard: Date?
        for state in cases {
            for run in state.changed {
                let times = try ClockTimes(of: run.clock, calendar: calendar)
                try rows.append(run, times: times)
                if let next = DeadlineCards.nextCardAt(for: run, times: times) {
                    earliestCard = min(earliestCard ?? next, next)
                }
            }
        }
        if !rows.isEmpty {
            try await connection.query(rows.upsert(), logger: logger)
        }
        let horizon = now.addingTimeInterval(Double(wakeHorizon.components.seconds) + Double(wakeHorizon.components.attoseconds) / 1e18)
        if let earliestCard, earliestCard <= horizon {
            try await connection.query("SELECT pg_notify(\(channel), '')", logger: logger)
        }
    }

    private func casesUpsert(_ cases: [CaseClocks]) throws -> PostgresQuery {
        var ids: [UUID] = []
        var numbers: [String] = []
        var sequences: [Int] = []
        var snapshots: [String] = []
        var places: [String] = []
        var districts: [String] = []
        for state in cases {
            guard let snapshot = state.snapshot else { continue }
            ids.append(state.caseID.rawValue)
            numbers.append(snapshot.caseNumber.description)
            sequences.append(state.lastSequence)
            snapshots.append(try StoredJSON.text(snapshot))
            let placement = snapshot.placement
            places.append((placement.grid ?? placement.community ?? placement.street ?? placement.district)?.digits ?? "")
            districts.append(placement.district?.digits ?? "")
        }
        return """
            INSERT INTO cases (case_id, case_number, last_sequence, snapshot, place_code, district, updated_at)
            SELECT u.id, u.number, u.sequence, u.snapshot::jsonb, NULLIF(u.place, ''), NULLIF(u.district, ''), now()
            FROM unnest(\(ids)::uuid[], \(numbers)::text[], \(sequences)::int[], \(snapshots)::text[], \(places)::text[], \(districts)::text[])
                AS u(id, number, sequence, snapshot, place, district)
            ON CONFLICT (case_id) DO UPDATE SET
                case_number = EXCLUDED.case_number, last_sequence = EXCLUDED.last_sequence, snapshot = EXCLUDED.snapshot,
                place_code = EXCLUDED.place_code, district = EXCLUDED.district, updated_at = now()
            WHERE cases.last_sequence < EXCLUDED.last_sequence
            """
    }
}
