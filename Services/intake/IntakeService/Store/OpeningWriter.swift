import Foundation
import GridDomain
import Logging
import PostgresNIO

/// Writes newly opened cases with everything that belongs to them — the case rows, the reporters'
/// personal data, the inbound work orders and alerts, and the timeline entries — in **one** statement
/// (data-modifying CTEs over `unnest` arrays), whatever the number of cases. A case whose
/// `(channel, external reference)` is already stored is skipped together with its other rows.
struct OpeningWriter: Sendable {
    /// What to write.
    struct Batch: Sendable {
        var cases: [StoredCase] = []
        var reporters: [ReporterRecord] = []
        var inbound: [InboundRecord] = []
        var timeline: [TimelineEntry] = []
    }

    /// Writes `batch`.
    /// - Returns: The ids of the cases inserted (the others were duplicates).
    func write(_ batch: Batch, on connection: PostgresConnection, logger: Logger) async throws -> Set<CaseID> {
        guard !batch.cases.isEmpty else { return [] }
        let c = try CaseColumns(batch.cases)
        let r = batch.reporters
        var orders: [(InboundRecord, String)] = []
        var alerts: [(InboundRecord, String)] = []
        for record in batch.inbound {
            switch record.kind {
            case .hotlineOrder(let requestType): orders.append((record, requestType))
            case .sensingAlert(let deviceID): alerts.append((record, deviceID))
            }
        }
        let t = batch.timeline
        let rows = try await connection.query(
            """
            WITH c AS (
                INSERT INTO cases (id, number, state, category, urgency, channel, place, grid, community, street, district,
                                   area_class, reporter_account, external_reference, reported_at, opened_at, updated_at,
                                   last_sequence, replica, placement)
                SELECT c.id, c.number, c.state, NULLIF(c.category, ''), c.urgency, c.channel, NULLIF(c.place, ''),
                       NULLIF(c.grid, ''), NULLIF(c.community, ''), NULLIF(c.street, ''), NULLIF(c.district, ''),
                       NULLIF(c.area_class, ''), NULLIF(c.account, ''), NULLIF(c.reference, ''), c.reported_at, c.opened_at,
                       c.updated_at, c.last_sequence, c.replica::jsonb, c.placement::jsonb
                FROM unnest(\(c.ids)::uuid[], \(c.numbers)::text[], \(c.states)::text[], \(c.categories)::text[],
                            \(c.urgencies)::text[], \(c.channels)::text[], \(c.places)::text[], \(c.grids)::text[],
                            \(c.communities)::text[], \(c.streets)::text[], \(c.districts)::text[], \(c.areaClasses)::text[],
                            \(c.accounts)::text[], \(c.references)::text[], \(c.reportedAt)::timestamptz[],
                            \(c.openedAt)::timestamptz[], \(c.updatedAt)::timestamptz[], \(c.lastSequences)::int8[],
                            \(c.replicas)::text[], \(c.placements)::text[])
                     AS c(id, number, state, category, urgency, channel, place, grid, community, street, district, area_class,
                          account, reference, reported_at, opened_at, updated_at, last_sequence, replica, placement)
                ON CONFLICT (channel, external_reference) WHERE external_reference IS NOT NULL DO NOTHING
                RETURNING id
            ), r AS (
                INSERT INTO reporters (case_id, name, phone, account_id, confidential, details, address)
                SELECT r.case_id, NULLIF(r.name, ''), NULLIF(r.phone, ''), NULLIF(r.account, ''), r.confidential, r.details,
                       NULLIF(r.address, '')
                FROM unnest(\(r.map(\.caseID.rawValue))::uuid[], \(r.map { $0.name ?? "" })::text[],
                            \(r.map { $0.phone ?? "" })::text[], \(r.map { $0.accountID ?? "" })::text[],
                            \(r.map(\.confidential))::bool[], \(r.map(\.details))::text[], \(r.map { $0.address ?? "" })::text[])
                     AS r(case_id, name, phone, account, confidential, details, address)
                WHERE r.case_id IN (SELECT id FROM c)
            ), o AS (
                INSERT INTO hotline_orders (order_number, channel, request_type, received_at, case_id, status, raw,
                                            kafka_partition, kafka_offset)
                SELECT o.number, o.channel, o.request_type, o.received_at, o.case_id, 'accepted', o.raw, o.partition, o.kafka_offset
                FROM unnest(\(orders.map(\.0.reference))::text[], \(orders.map(\.0.channel.rawValue))::text[],
                            \(orders.map(\.1))::text[], \(orders.map(\.0.receivedAt))::timestamptz[],
                            \(orders.map(\.0.caseID.rawValue))::uuid[], \(orders.map { ByteBuffer(bytes: $0.0.raw) })::bytea[],
                            \(orders.map { Int($0.0.partition) })::int8[], \(orders.map { Int($0.0.offset) })::int8[])
                     AS o(number, channel, request_type, received_at, case_id, raw, partition, kafka_offset)
                WHERE o.case_id IN (SELECT id FROM c)
                ON CONFLICT (order_number) DO NOTHING
            ), a AS (
                INSERT INTO sensing_alerts (alert_id, device_id, observed_at, case_id, raw, kafka_partition, kafka_offset)
                SELECT a.id, a.device, a.observed_at, a.case_id, a.raw, a.partition, a.kafka_offset
                FROM unnest(\(alerts.map(\.0.reference))::text[], \(alerts.map(\.1))::text[],
                            \(alerts.map(\.0.receivedAt))::timestamptz[], \(alerts.map(\.0.caseID.rawValue))::uuid[],
                            \(alerts.map { ByteBuffer(bytes: $0.0.raw) })::bytea[], \(alerts.map { Int($0.0.partition) })::int8[],
                            \(alerts.map { Int($0.0.offset) })::int8[])
                     AS a(id, device, observed_at, case_id, raw, partition, kafka_offset)
                WHERE a.case_id IN (SELECT id FROM c)
                ON CONFLICT (alert_id) DO NOTHING
            ), t AS (
                INSERT INTO timeline (case_id, event_source, event_id, type, sequence, as_of_sequence, occurred_at, data)
                SELECT e.case_id, e.source, e.id, e.type, NULLIF(e.sequence, -1), NULLIF(e.as_of, -1), e.occurred_at, e.data::jsonb
                FROM unnest(\(t.map(\.caseID.rawValue))::uuid[], \(t.map(\.source))::text[], \(t.map(\.eventID))::text[],
                            \(t.map(\.type))::text[], \(t.map { $0.sequence ?? -1 })::int8[], \(t.map { $0.asOfSequence ?? -1 })::int8[],
                            \(t.map(\.occurredAt))::timestamptz[], \(t.map(\.data))::text[])
                     AS e(case_id, source, id, type, sequence, as_of, occurred_at, data)
                WHERE e.case_id IN (SELECT id FROM c)
                ON CONFLICT DO NOTHING
            )
            SELECT id FROM c
            """,
            logger: logger)
        var inserted: Set<CaseID> = []
        for try await id in rows.decode(UUID.self) { inserted.insert(CaseID(rawValue: id)) }
        return inserted
    }
}
