import Foundation
import GridDomain
import Logging
import PostgresNIO

/// A message from an outside system that opened a case: a hotline work order or a sensing alert,
/// kept byte for byte with where it was read from.
struct InboundRecord: Sendable, Hashable {
    /// The kind of message.
    enum Kind: Sendable, Hashable {
        /// A 12345/12319 work order (`hotline_orders`): the request type is kept with it.
        case hotlineOrder(requestType: String)
        /// A sensing alert (`sensing_alerts`) from a device.
        case sensingAlert(deviceID: String)
    }

    /// The kind.
    var kind: Kind
    /// The order number or alert id.
    var reference: String
    /// The case channel (`12345`, `12319`, `sensing`).
    var channel: CaseChannel
    /// When the hotline received the call or the device observed the problem.
    var receivedAt: Date
    /// The case it opened.
    var caseID: CaseID
    /// The record value as received.
    var raw: [UInt8]
    /// The Kafka partition it was read from.
    var partition: Int32
    /// The Kafka offset it was read at.
    var offset: Int64
}

/// The `hotline_orders` and `sensing_alerts` tables. A work order's `status` is `accepted` once its
/// case is opened and the case's final state (`closed`, `not_filed`, …) once it is finished.
struct InboundStore: Sendable {
    /// Inserts the records, skipping order numbers and alert ids already stored.
    func insert(_ records: [InboundRecord], on connection: PostgresConnection, logger: Logger) async throws {
        var orders: [(InboundRecord, String)] = []
        var alerts: [(InboundRecord, String)] = []
        for record in records {
            switch record.kind {
            case .hotlineOrder(let requestType): orders.append((record, requestType))
            case .sensingAlert(let deviceID): alerts.append((record, deviceID))
            }
        }
        if !orders.isEmpty {
            try await connection.query(
                """
                INSERT INTO hotline_orders (order_number, channel, request_type, received_at, case_id, status, raw, kafka_partition, kafka_offset)
                SELECT o.number, o.channel, o.request_type, o.received_at, o.case_id, 'accepted', o.raw, o.partition, o.kafka_offset
                FROM unnest(\(orders.map(\.0.reference))::text[], \(orders.map(\.0.channel.rawValue))::text[], \(orders.map(\.1))::text[],
                            \(orders.map(\.0.receivedAt))::timestamptz[], \(orders.map(\.0.caseID.rawValue))::uuid[],
                            \(orders.map { ByteBuffer(bytes: $0.0.raw) })::bytea[], \(orders.map { Int($0.0.partition) })::int8[],
                            \(orders.map { Int($0.0.offset) })::int8[])
                     AS o(number, channel, request_type, received_at, case_id, raw, partition, kafka_offset)
                ON CONFLICT (order_number) DO NOTHING
                """,
                logger: logger)
        }
        if !alerts.isEmpty {
            try await connection.query(
                """
                INSERT INTO sensing_alerts (alert_id, device_id, observed_at, case_id, raw, kafka_partition, kafka_offset)
                SELECT a.id, a.device, a.observed_at, a.case_id, a.raw, a.partition, a.kafka_offset
                FROM unnest(\(alerts.map(\.0.reference))::text[], \(alerts.map(\.1))::text[], \(alerts.map(\.0.receivedAt))::timestamptz[],
                            \(alerts.map(\.0.caseID.rawValue))::uuid[], \(alerts.map { ByteBuffer(bytes: $0.0.raw) })::bytea[],
                            \(alerts.map { Int($0.0.partition) })::int8[], \(alerts.map { Int($0.0.offset) })::int8[])
                     AS a(id, device, observed_at, case_id, raw, partition, kafka_offset)
                ON CONFLICT (alert_id) DO NOTHING
                """,
                logger: logger)
        }
    }

    /// Sets the status of the work orders whose cases reached a final state to that state (`closed`,
    /// `not_filed`, `duplicate`, `void`), so the hotline bridge can sync results back.
    func recordFinalStates(of cases: [StoredCase], on connection: PostgresConnection, logger: Logger) async throws {
        let finished = cases.filter { $0.replica.state.isTerminal && $0.replica.report.channel.isHotline }
        guard !finished.isEmpty else { return }
        try await connection.query(
            """
            UPDATE hotline_orders o SET status = f.state
            FROM unnest(\(finished.map(\.replica.id.rawValue))::uuid[], \(finished.map(\.replica.state.rawValue))::text[]) AS f(case_id, state)
            WHERE o.case_id = f.case_id
            """,
            logger: logger)
    }
}
