import Foundation
import GridDomain
import GridRuntime

extension LifecycleMessage {
    /// Decodes a consumed lifecycle-topic event by its type (`LifecycleTopicEventV1`); unknown types
    /// decode to `.unknown` and are skipped.
    /// - Throws: `ContractValidationError` when the data do not fit the type (a permanent failure).
    init(_ event: CloudEvent) throws(ContractValidationError) {
        let data = Data(event.data ?? [])
        self.init(
            source: event.source, id: event.id, type: event.type,
            event: try LifecycleTopicEventV1.decode(type: event.type, data: data), data: String(decoding: data, as: UTF8.self))
    }
}
