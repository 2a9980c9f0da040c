import GridDomain
import GridRuntime
import ServiceLifecycle

extension IntakeDesk {
    /// Intake's two consumer groups on the service's ``ServiceMessaging`` (inbox, dead letters,
    /// offsets committed after the transaction), each handing whole batches to the desk:
    ///
    /// - `<group>-inbound`: `gridloop.hotline.workorders` and `gridloop.sensing.alerts` (raw JSON
    ///   records; inbox key = order number / alert id, so resends by the other system are dropped too)
    ///   → cases opened;
    /// - `<group>-lifecycle`: `gridloop.case.lifecycle` → replicas, timelines, checks opened.
    ///
    /// Two groups so that a backlog of lifecycle events never delays new reports, and the other way round.
    /// - Parameters:
    ///   - messaging: The service's Kafka side.
    ///   - group: The consumer-group prefix (`INTAKE_CONSUMER_GROUP`).
    ///   - catalog: The city's category catalog, to validate work orders and alerts.
    /// - Returns: The Kafka consumers and their event consumers, in start order.
    /// - Throws: `KafkaError` when librdkafka rejects a consumer's settings.
    func consumers(on messaging: ServiceMessaging, group: String, catalog: CategoryCatalog) throws -> [any Service] {
        let inboundTopics = [ContractTopic.hotlineWorkOrders, ContractTopic.sensingAlerts]
        let inbound = try messaging.consume(
            group: "\(group)-inbound", topics: inboundTopics,
            configure: { configuration in
                configuration.rawTopics = Set(inboundTopics)
                configuration.rawInboxKey = { InboundReport.decode($0, catalog: catalog).inboxKey }
            }
        ) { consumed, transaction in
            try await self.handleInbound(consumed, catalog: catalog, in: transaction)
        }
        let lifecycle = try messaging.consume(group: "\(group)-lifecycle", topics: [ContractTopic.caseLifecycle]) { consumed, transaction in
            try await self.handleLifecycle(consumed, in: transaction)
        }
        return inbound + lifecycle
    }
}
