import GridKafka
import Logging
import ServiceLifecycle
import Testing
import TestSupport

@Suite("Producer shutdown", .timeLimit(.minutes(3)))
struct ProducerShutdownTests {
    @Test("graceful shutdown flushes queued messages before returning; later sends fail clearly")
    func flushesOnGracefulShutdown() async throws {
        let broker = try await TansuBroker.started()
        defer { broker.stop() }
        let topic = uniqueName("flush")
        try await KafkaTestClients.createTopic(topic, partitions: 2, on: broker)
        // A long linger keeps the messages in librdkafka's queue until the shutdown flush sends them.
        let producer = try KafkaProducer(
            configuration: .init(kafka: KafkaTestClients.kafka(broker), linger: .seconds(30), maxBatchMessages: 100_000),
            logger: KafkaTestClients.logger("producer")
        )
        let group = ServiceGroup(
            configuration: .init(services: [producer], logger: KafkaTestClients.logger("group"))
        )
        let groupTask = Task { try await group.run() }
        let messages = (0..<50).map { KafkaProducerMessage(topic: topic, key: "k\($0)", value: "queued-\($0)") }
        let sendTask = Task { await producer.send(batch: messages) }
        try await waitUntil("all messages are queued") { producer.outstandingMessageCount == 50 }

        await group.triggerGracefulShutdown()
        try await withTimeout("the service group to finish") { try await groupTask.value }
        let results = await sendTask.value
        #expect(results.allSatisfy { if case .success = $0 { true } else { false } })
        #expect(producer.outstandingMessageCount == 0)

        let late = await #expect(throws: KafkaError.self) {
            try await producer.send(KafkaProducerMessage(topic: topic, key: "k", value: "too late"))
        }
        #expect(late?.code == .clientShutDown)

        let consumer = try CommittingConsumer(
            KafkaTestClients.consumerConfiguration(broker, group: uniqueName("group"), topics: [topic])
        )
        consumer.start()
        try await waitUntil("the flushed messages are consumed") { consumer.received.count >= 50 }
        await consumer.stop()
        #expect(Set(consumer.received.map(\.value)) == Set(messages.map(\.value)))
    }
}
