@testable import GridKafka
import Synchronization
import Testing
import TestSupport

@Suite("Consumer prefetch while a batch is in flight", .timeLimit(.minutes(3)))
struct ConsumerPrefetchTests {
    @Test("while a batch is in flight the next one is collected, then fetching pauses; the next batch follows in order")
    func collectsNextBatchWhileOneIsInFlight() async throws {
        let broker = try await TansuBroker.started()
        defer { broker.stop() }
        let topic = uniqueName("prefetch")
        try await KafkaTestClients.createTopic(topic, partitions: 1, on: broker)
        let producer = try RunningProducer(broker: broker)
        let consumer = try KafkaConsumer(
            configuration: KafkaTestClients.consumerConfiguration(broker, group: uniqueName("group"), topics: [topic], maxBatchSize: 10),
            logger: KafkaTestClients.logger("consumer")
        )
        let run = Task { try await consumer.run() }
        var batches = consumer.batches.makeAsyncIterator()

        _ = try await producer.producer.send(batch: (0..<5).map { KafkaProducerMessage(topic: topic, value: "first-\($0)") })
            .map { try $0.get() }
        let first = try #require(try await batches.next())
        #expect(first.map(\.offset) == Array(0..<5))

        // The first batch stays in flight while 25 more arrive: 10 (the batch size) are collected, then the
        // partition is paused in librdkafka until the buffer drains.
        _ = try await producer.producer.send(batch: (0..<25).map { KafkaProducerMessage(topic: topic, value: "next-\($0)") })
            .map { try $0.get() }
        let partition = KafkaTopicPartition(topic: topic, partition: 0)
        try await waitUntil("the next batch is collected and fetching paused") {
            consumer.coordinator.state.withLock { $0.collected.count >= 10 && $0.pausedInLibrdkafka == [partition] }
        }

        try await consumer.commit(first)
        var offsets: [Int64] = []
        while offsets.count < 25, let batch = try await batches.next() {
            #expect(batch.count <= 10)
            offsets += batch.map(\.offset)
            try await consumer.commit(batch)
        }
        #expect(offsets == Array(5..<30), "every message once, in order, after the prefetch and the pause")
        try await waitUntil("fetching resumes once the buffer drained") {
            consumer.coordinator.state.withLock { $0.pausedInLibrdkafka.isEmpty && $0.collected.isEmpty }
        }

        await producer.stop()
        run.cancel()
        _ = await run.result
    }
}
