import GridKafka
import Testing
import TestSupport

@Suite("Producer → consumer round trip", .timeLimit(.minutes(3)))
struct RoundTripTests {
    @Test("key, value and headers (including a null header) arrive as sent, where the delivery report said")
    func roundTripWithKeyAndHeaders() async throws {
        let broker = try await TansuBroker.started()
        defer { broker.stop() }
        let topic = uniqueName("roundtrip")
        try await KafkaTestClients.createTopic(topic, partitions: 3, on: broker)
        let producer = try RunningProducer(broker: broker)
        let headers = [
            KafkaHeader(name: "trace-id", string: "4bf92f35"),
            KafkaHeader(name: "empty", value: nil),
            KafkaHeader(name: "binary", value: [0, 1, 2, 255]),
        ]
        let sent = KafkaProducerMessage(topic: topic, key: "case-42", value: #"{"stage":"filed"}"#, headers: headers)
        let report = try await producer.producer.send(sent)
        #expect(report.topic == topic)

        let consumer = try CommittingConsumer(
            KafkaTestClients.consumerConfiguration(broker, group: uniqueName("group"), topics: [topic])
        )
        consumer.start()
        try await waitUntil("the message is consumed") { !consumer.received.isEmpty }
        await consumer.stop()
        await producer.stop()

        let received = try #require(consumer.received.first)
        #expect(consumer.received.count == 1)
        #expect(received.topic == topic)
        #expect(received.partition == report.partition)
        #expect(received.offset == report.offset)
        #expect(received.key == Array("case-42".utf8))
        #expect(received.value == Array(#"{"stage":"filed"}"#.utf8))
        #expect(received.headers == headers)
        #expect(received.timestamp != nil)
        #expect(consumer.errors.isEmpty)
    }

    @Test("a message with key, fixed partition and headers (every produce field at once) goes where it was sent")
    func keyPartitionAndHeaders() async throws {
        let broker = try await TansuBroker.started()
        defer { broker.stop() }
        let topic = uniqueName("all-fields")
        try await KafkaTestClients.createTopic(topic, partitions: 3, on: broker)
        let producer = try RunningProducer(broker: broker)
        let headers = [KafkaHeader(name: "a", string: "1"), KafkaHeader(name: "b", string: "2")]
        let sent = KafkaProducerMessage(topic: topic, key: "case-7", value: "v", headers: headers, partition: 2)
        let report = try await producer.producer.send(sent)
        await producer.stop()
        #expect(report.partition == 2)

        let consumer = try CommittingConsumer(
            KafkaTestClients.consumerConfiguration(broker, group: uniqueName("group"), topics: [topic])
        )
        consumer.start()
        try await waitUntil("the message is consumed") { !consumer.received.isEmpty }
        await consumer.stop()
        let received = try #require(consumer.received.first)
        #expect(received.partition == 2)
        #expect(received.key == Array("case-7".utf8))
        #expect(received.headers == headers)
    }

    @Test("send(batch:) returns one report per message, in input order")
    func batchReportsInOrder() async throws {
        let broker = try await TansuBroker.started()
        defer { broker.stop() }
        let topic = uniqueName("batch")
        try await KafkaTestClients.createTopic(topic, partitions: 4, on: broker)
        let producer = try RunningProducer(broker: broker)
        let messages = (0..<200).map { KafkaProducerMessage(topic: topic, key: "key-\($0 % 17)", value: "value-\($0)") }
        let results = await producer.producer.send(batch: messages)
        let reports = try results.map { try $0.get() }
        #expect(reports.count == messages.count)

        let consumer = try CommittingConsumer(
            KafkaTestClients.consumerConfiguration(broker, group: uniqueName("group"), topics: [topic])
        )
        consumer.start()
        try await waitUntil("200 messages are consumed") { consumer.received.count >= 200 }
        await consumer.stop()
        await producer.stop()

        var whereReceived: [[UInt8]: KafkaTopicPartition] = [:]
        var offsetReceived: [[UInt8]: Int64] = [:]
        for message in consumer.received {
            whereReceived[message.value] = message.topicPartition
            offsetReceived[message.value] = message.offset
        }
        for (message, report) in zip(messages, reports) {
            #expect(whereReceived[message.value] == report.topicPartition)
            #expect(offsetReceived[message.value] == report.offset)
        }
    }
}
