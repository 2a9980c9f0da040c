import Foundation
import GridDomain
import Logging
import PostgresNIO

/// Writes the replicas changed by steps, the timeline entries of the events, and the final state of
/// finished hotline cases' work orders, in **one** statement (data-modifying CTEs over `unnest`).
struct ReplicaWriter: Sendable {
    /// Writes `cases` (state, category, urgency, times, sequence, JSON) and appends `timeline`
    /// (skipping entries already recorded).
    func write(_ cases: [StoredCase], timeline: [TimelineEntry], on connection: PostgresConnection, logger: Logger) async throws {
        guard !cases.isEmpty || !timeline.isEmpty else { return }
        let c = try CaseColumns(cases)
        let finished = cases.filter { $0.replica.state.isTerminal && $0.replica.report.channel.isHotline }
        let t = timeline
        try await connection.query(
            """
            WITH u AS (
                UPDATE cases SET state = u.state, category = NULLIF(u.category, ''), urgency = u.urgency,
                                 updated_at = u.updated_at, last_sequence = u.last_sequence, replica = u.replica::jsonb
                FROM unnest(\(c.ids)::uuid[], \(c.states)::text[], \(c.categories)::text[], \(c.urgencies)::text[],
                            \(c.updatedAt)::timestamptz[], \(c.lastSequences)::int8[], \(c.replicas)::text[])
                     AS u(id, state, category, urgency, updated_at, last_sequence, replica)
                WHERE cases.id = u.id
            ), o AS (
                UPDATE hotline_orders SET status = f.state
                FROM unnest(\(finished.map(\.replica.id.rawValue))::uuid[], \(finished.map(\.replica.state.rawValue))::text[])
                     AS f(case_id, state)
                WHERE hotline_orders.case_id = f.case_id
            ), t AS (
                INSERT INTO timeline (case_id, event_source, event_id, type, sequence, as_of_sequence, occurred_at, data)
                SELECT e.case_id, e.source, e.id, e.type, NULLIF(e.sequence, -1), NULLIF(e.as_of, -1), e.occurred_at, e.data::jsonb
                FROM unnest(\(t.map(\.caseID.rawValue))::uuid[], \(t.map(\.source))::text[], \(t.map(\.eventID))::text[],
                            \(t.map(\.type))::text[], \(t.map { $0.sequence ?? -1 })::int8[], \(t.map { $0.asOfSequence ?? -1 })::int8[],
                            \(t.map(\.occurredAt))::timestamptz[], \(t.map(\.data))::text[])
                     AS e(case_id, source, id, type, sequence, as_of, occurred_at, data)
                ON CONFLICT DO NOTHING
            )
            SELECT 1
            """,
            logger: logger)
    }
}
