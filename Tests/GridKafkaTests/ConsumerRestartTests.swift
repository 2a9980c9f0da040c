import GridKafka
import Testing
import TestSupport

@Suite("Consumer restart", .timeLimit(.minutes(3)))
struct ConsumerRestartTests {
    @Test("a restarted member of the group resumes at the committed offset")
    func resumesAtCommittedOffset() async throws {
        let broker = try await TansuBroker.started()
        defer { broker.stop() }
        let topic = uniqueName("restart")
        let group = uniqueName("group")
        try await KafkaTestClients.createTopic(topic, partitions: 1, on: broker)
        let producer = try RunningProducer(broker: broker)
        let messages = (0..<10).map { KafkaProducerMessage(topic: topic, key: nil, value: "message-\($0)") }
        _ = try await producer.producer.send(batch: messages).map { try $0.get() }
        await producer.stop()

        // First run: commit the first batch, release the second without committing, stop.
        let configuration = KafkaTestClients.consumerConfiguration(broker, group: group, topics: [topic], maxBatchSize: 4)
        let firstRun = try KafkaConsumer(configuration: configuration, logger: KafkaTestClients.logger("first-run"))
        let firstTask = Task { try await firstRun.run() }
        let (committedUpTo, releasedBatch) = try await withTimeout("two batches") {
            var iterator = firstRun.batches.makeAsyncIterator()
            let first = try #require(try await iterator.next())
            try await firstRun.commit(first)
            let second = try #require(try await iterator.next())
            firstRun.release(second)
            return (first.last!.offset + 1, second)
        }
        #expect(releasedBatch.first?.offset == committedUpTo)
        firstTask.cancel()
        try await firstTask.value

        // Second run of the same group: starts right after the committed batch, nothing skipped.
        let secondRun = try CommittingConsumer(configuration, name: "second-run")
        secondRun.start()
        try await waitUntil("the rest of the partition is consumed") {
            secondRun.received.last?.offset == 9
        }
        await secondRun.stop()
        #expect(secondRun.received.map(\.offset) == Array(committedUpTo...9))
        #expect(secondRun.errors.isEmpty)
    }
}
