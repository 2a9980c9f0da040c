import Foundation
import GridDomain
import GridKafka
import Synchronization

extension LocalStack {
    /// The stack's lifecycle reader: every `gridloop.case.lifecycle` record since the stack came up.
    var lifecycle: LifecycleLog {
        get throws(LocalStackError) { try self.runningClients().lifecycle }
    }

    /// Sends a hotline work order to `gridloop.hotline.workorders` (key: its order number; value: its contract JSON)
    /// and waits for the broker's acknowledgement.
    func send(workOrder: HotlineWorkOrderV1) async throws {
        let value = try ContractJSON.encode(workOrder)
        try await self.send(topic: ContractTopic.hotlineWorkOrders, key: workOrder.orderNumber, value: Array(value))
    }

    /// Sends raw bytes to a topic (e.g. a malformed work order, to see it dead-lettered).
    func send(topic: String, key: String?, value: [UInt8], headers: [KafkaHeader] = []) async throws {
        let message = KafkaProducerMessage(topic: topic, key: key.map { Array($0.utf8) }, value: value, headers: headers)
        _ = try await self.runningClients().producer.send(message)
    }

    private func runningClients() throws(LocalStackError) -> KafkaClients {
        guard let clients = self.clients.withLock({ $0 }) else {
            throw LocalStackError("the stack's Kafka clients are not running: call up() first")
        }
        return clients
    }
}
