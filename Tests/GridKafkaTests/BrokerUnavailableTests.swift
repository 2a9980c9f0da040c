import GridKafka
import Testing
import TestSupport

@Suite("Broker unavailable at start", .timeLimit(.minutes(3)))
struct BrokerUnavailableTests {
    @Test("clients start without a broker, fail with clear retriable errors, and work once it is up")
    func unavailableThenAvailable() async throws {
        let broker = try TansuBroker()  // port reserved, broker not started
        defer { broker.stop() }
        let kafka = KafkaTestClients.kafka(broker)
        let topic = uniqueName("late")

        // Admin: a bounded, retriable error that names the broker.
        let admin = try KafkaAdmin(configuration: kafka, logger: KafkaTestClients.logger("admin"))
        let metadataError = await #expect(throws: KafkaError.self) {
            try await admin.metadata(timeout: .seconds(2))
        }
        #expect(metadataError?.code == .metadataFailed)
        #expect(metadataError?.isRetriable == true)
        #expect(metadataError?.message.contains("cannot reach broker at \(broker.bootstrapServers)") == true)

        // Producer: the send fails after the delivery timeout, retriable, naming the broker.
        let producer = try RunningProducer(KafkaProducer.Configuration(kafka: kafka, deliveryTimeout: .seconds(3)))
        let sendError = await #expect(throws: KafkaError.self) {
            try await producer.producer.send(KafkaProducerMessage(topic: topic, key: "k", value: "lost?"))
        }
        #expect(sendError?.code == .deliveryFailed)
        #expect(sendError?.isRetriable == true)
        #expect(sendError?.message.contains("cannot reach broker at \(broker.bootstrapServers)") == true)

        // Consumer: created and running without a broker; it keeps retrying.
        let consumer = try CommittingConsumer(
            KafkaTestClients.consumerConfiguration(broker, group: uniqueName("group"), topics: [topic])
        )
        consumer.start()

        // The broker comes up: retrying the same calls succeeds.
        try await broker.start()
        try await waitUntil("the topic can be created") {
            do {
                try await admin.createTopics([TopicSpecification(name: topic, partitions: 2, replicationFactor: 1)])
                return true
            } catch let error as KafkaError {
                #expect(error.isRetriable, "unexpected non-retriable error: \(error)")
                return false
            }
        }
        var report: KafkaDeliveryReport?
        try await waitUntil("a message can be sent") {
            report = try? await producer.producer.send(KafkaProducerMessage(topic: topic, key: "k", value: "delivered"))
            return report != nil
        }
        try await waitUntil("the consumer receives it", timeout: .seconds(90)) {
            consumer.received.contains { $0.value == Array("delivered".utf8) }
        }
        await consumer.stop()
        await producer.stop()
        #expect(consumer.received.map { String(decoding: $0.value, as: UTF8.self) } == ["delivered"])
        #expect(consumer.errors.isEmpty)
    }
}
