import GridKafka
import Testing
import TestSupport

@Suite("Consumer pause and resume", .timeLimit(.minutes(3)))
struct ConsumerPauseResumeTests {
    @Test("a paused partition delivers nothing until resumed, then everything in order")
    func pauseAndResume() async throws {
        let broker = try await TansuBroker.started()
        defer { broker.stop() }
        let topic = uniqueName("pause")
        try await KafkaTestClients.createTopic(topic, partitions: 2, on: broker)
        let producer = try RunningProducer(broker: broker)
        let paused = KafkaTopicPartition(topic: topic, partition: 0)
        let flowing = KafkaTopicPartition(topic: topic, partition: 1)
        let toPaused = (0..<10).map { KafkaProducerMessage(topic: topic, value: "p0-\($0)", partition: 0) }
        let toFlowing = (0..<10).map { KafkaProducerMessage(topic: topic, value: "p1-\($0)", partition: 1) }
        _ = try await producer.producer.send(batch: toPaused).map { try $0.get() }
        _ = try await producer.producer.send(batch: toFlowing).map { try $0.get() }
        await producer.stop()

        let consumer = try CommittingConsumer(
            KafkaTestClients.consumerConfiguration(broker, group: uniqueName("group"), topics: [topic], maxBatchSize: 3)
        )
        consumer.consumer.pause(partitions: [paused])
        consumer.start()
        try await waitUntil("the unpaused partition is consumed") {
            consumer.received.filter { $0.topicPartition == flowing }.count == 10
        }
        #expect(consumer.received.allSatisfy { $0.topicPartition == flowing })

        consumer.consumer.resume(partitions: [paused])
        try await waitUntil("the resumed partition is consumed") { consumer.received.count == 20 }
        await consumer.stop()
        let fromPaused = consumer.received.filter { $0.topicPartition == paused }
        #expect(fromPaused.map(\.offset) == Array(0..<10))
        #expect(consumer.errors.isEmpty)
    }
}
