import GridKafka
import Testing
import TestSupport

@Suite("Producer backpressure", .timeLimit(.minutes(3)))
struct ProducerBackpressureTests {
    @Test("a full local queue makes send wait for delivery reports instead of failing")
    func queueFullWaits() async throws {
        let broker = try await TansuBroker.started()
        defer { broker.stop() }
        let topic = uniqueName("backpressure")
        try await KafkaTestClients.createTopic(topic, partitions: 2, on: broker)
        let producer = try RunningProducer(
            KafkaProducer.Configuration(kafka: KafkaTestClients.kafka(broker), maxBatchMessages: 50, maxQueuedMessages: 100)
        )
        let messages = (0..<2_000).map { KafkaProducerMessage(topic: topic, key: "k\($0 % 10)", value: "v\($0)") }
        async let first = producer.producer.send(batch: Array(messages[..<1_000]))
        async let second = producer.producer.send(batch: Array(messages[1_000...]))
        let results = await first + second
        try await producer.producer.flush(timeout: .seconds(10))
        #expect(producer.producer.outstandingMessageCount == 0)
        await producer.stop()

        let reports = try results.map { try $0.get() }
        #expect(reports.count == 2_000)
        let offsets = Dictionary(grouping: reports, by: \.partition).mapValues { $0.map(\.offset).sorted() }
        for (partition, partitionOffsets) in offsets {
            #expect(partitionOffsets == Array(0..<Int64(partitionOffsets.count)), "gaps in partition \(partition)")
        }
    }
}
