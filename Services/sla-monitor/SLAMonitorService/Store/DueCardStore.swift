import Foundation
import GridDomain
import Logging
import PostgresNIO

/// The timer's access to `stage_clocks`: claim runs whose next card is due (`FOR UPDATE SKIP LOCKED`,
/// so replicas share the work and never claim the same run), record the cards issued, and tell when
/// the next card falls due.
struct DueCardStore: Sendable {
    /// A claimed run with what its card needs.
    struct Claimed: Sendable {
        let run: TrackedClock
        let times: ClockTimes
        let snapshot: CaseSnapshotV1
    }

    /// A card written to the outbox for a run.
    struct Issued: Sendable {
        let key: TrackedClock.Key
        let card: DeadlineCardV1.Card
        let issuedAt: Date
        let eventID: String
    }

    /// Claims up to `limit` runs whose next card is due at `now`, earliest first, locking them until the
    /// transaction ends; runs locked by another replica are skipped.
    func claim(dueAt now: Date, limit: Int, on connection: PostgresConnection, logger: Logger) async throws -> [Claimed] {
        let rows = try await connection.query(
            """
            SELECT c.case_id, c.stage, c.run, c.clock::text, c.escalation, c.rule, c.yellow_issued_at, c.red_issued_at,
                   c.yellow_at, c.due_at, k.snapshot::text
            FROM stage_clocks c JOIN cases k ON k.case_id = c.case_id
            WHERE c.next_card_at <= \(now)
            ORDER BY c.next_card_at
            LIMIT \(limit)
            FOR UPDATE OF c SKIP LOCKED
            """, logger: logger)
        var claimed: [Claimed] = []
        for try await (id, stage, run, clock, escalation, rule, yellowIssued, redIssued, yellowAt, dueAt, snapshot) in rows.decode(
            (UUID, String, Int, String, String, String, Date?, Date?, Date?, Date?, String).self)
        {
            let tracked = try StoredClockRow.trackedClock(
                caseID: CaseID(rawValue: id), stage: stage, run: run, clock: clock, escalation: escalation, rule: rule,
                yellowIssuedAt: yellowIssued, redIssuedAt: redIssued)
            claimed.append(
                Claimed(run: tracked, times: ClockTimes(yellowAt: yellowAt, dueAt: dueAt), snapshot: try StoredJSON.snapshot(snapshot)))
        }
        return claimed
    }

    /// Records issued cards on their (claimed) runs.
    func markIssued(_ cards: [Issued], on connection: PostgresConnection, logger: Logger) async throws {
        guard !cards.isEmpty else { return }
        let ids = cards.map(\.key.caseID.rawValue)
        let stages = cards.map(\.key.stage.rawValue)
        let runs = cards.map(\.key.run)
        let kinds = cards.map(\.card.rawValue)
        let times = cards.map(\.issuedAt)
        let events = cards.map(\.eventID)
        try await connection.query(
            """
            UPDATE stage_clocks c SET
                yellow_issued_at = CASE WHEN u.card = 'yellow' THEN u.issued_at ELSE c.yellow_issued_at END,
                yellow_event_id = CASE WHEN u.card = 'yellow' THEN u.event_id ELSE c.yellow_event_id END,
                red_issued_at = CASE WHEN u.card = 'red' THEN u.issued_at ELSE c.red_issued_at END,
                red_event_id = CASE WHEN u.card = 'red' THEN u.event_id ELSE c.red_event_id END,
                updated_at = now()
            FROM unnest(\(ids)::uuid[], \(stages)::text[], \(runs)::int[], \(kinds)::text[], \(times)::timestamptz[], \(events)::text[])
                AS u(case_id, stage, run, card, issued_at, event_id)
            WHERE c.case_id = u.case_id AND c.stage = u.stage AND c.run = u.run
            """, logger: logger)
    }

    /// When the earliest pending card falls due, if any.
    func nextCardAt(on connection: PostgresConnection, logger: Logger) async throws -> Date? {
        let rows = try await connection.query("SELECT min(next_card_at) FROM stage_clocks WHERE next_card_at IS NOT NULL", logger: logger)
        var next: Date?
        for try await value in rows.decode(Date?.self) { next = value }
        return next
    }
}
