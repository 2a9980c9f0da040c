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
