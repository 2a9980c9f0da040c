import Foundation
import GridDomain
import Logging
import PostgresNIO

/// A message from an outside system that opened a case: a hotline work order or a sensing alert,
/// kept byte for byte with where it was read from (tables `hotline_orders` and `sensing_alerts`,
/// written by ``OpeningWriter``). A work order's `status` is `accepted` once its case is opened and
/// the case's final state (`closed`, `not_filed`, …) once it is finished (``ReplicaWriter``).
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
