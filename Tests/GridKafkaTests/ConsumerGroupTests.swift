import GridKafka
import Synchronization
import Testing
import TestSupport

@Suite("Consumer group: partition split and rebalances", .timeLimit(.minutes(5)))
struct ConsumerGroupTests {
    @Test("two members split the partitions; a third joining and leaving loses and repeats nothing")
    func splitAndRebalance() async throws {
        let broker = try await TansuBroker.started()
        defer { broker.stop() }
        let topic = uniqueName("group")
        let group = uniqueName("group")
        let partitionCount = 6
        try await KafkaTestClients.createTopic(topic, partitions: partitionCount, on: broker)
        let producer = try RunningProducer(broker: broker)
        let configuration = KafkaTestClients.consumerConfiguration(broker, group: group, topics: [topic], maxBatchSize: 10)
        let first = try CommittingConsumer(configuration, name: "first")
        let second = try CommittingConsumer(configuration, name: "second")
        first.start()
        second.start()
        try await waitUntil("both members share all partitions", timeout: .seconds(90)) {
            !first.assignment.isEmpty && !second.assignment.isEmpty
                && first.assignment.union(second.assignment).count == partitionCount
        }
        let firstAssignment = first.assignment
        let secondAssignment = second.assignment
        #expect(firstAssignment.isDisjoint(with: secondAssignment))

        // Phase 1: a stable group of two.
        let phaseOne = (0..<60).map { KafkaProducerMessage(topic: topic, key: "key-\($0)", value: "one-\($0)") }
        _ = try await producer.producer.send(batch: phaseOne).map { try $0.get() }
        try await waitUntil("phase one is consumed") { first.received.count + second.received.count >= 60 }
        #expect(first.received.allSatisfy { firstAssignment.contains($0.topicPartition) })
        #expect(second.received.allSatisfy { secondAssignment.contains($0.topicPartition) })
        #expect(!first.received.isEmpty && !second.received.isEmpty)

        // Phase 2: keep producing while a third member joins and then leaves.
        // Value → partition of everything produced (phase one's all consumed by now).
        let produced = Mutex<[String: Int32]>([:])
        for message in first.received + second.received {
            produced.withLock { $0[String(decoding: message.value, as: UTF8.self)] = message.partition }
        }
        let keepProducing = Task {
            var round = 0
            while !Task.isCancelled {
                let messages = (0..<10).map {
                    KafkaProducerMessage(topic: topic, key: "key-\(round)-\($0)", value: "two-\(round)-\($0)")
                }
                for (message, result) in zip(messages, await producer.producer.send(batch: messages)) {
                    if case .success(let report) = result {
                        produced.withLock { $0[String(decoding: message.value, as: UTF8.self)] = report.partition }
                    }
                }
                round += 1
                try? await Task.sleep(for: .milliseconds(100))
            }
        }
        let third = try CommittingConsumer(configuration, name: "third")
        third.start()
        try await waitUntil("the third member gets partitions", timeout: .seconds(90)) {
            !third.assignment.isEmpty && !first.assignment.isEmpty && !second.assignment.isEmpty
                && first.assignment.union(second.assignment).union(third.assignment).count == partitionCount
        }
        try await waitUntil("the third member consumes something") { !third.received.isEmpty }
        await third.stop()
        try await waitUntil("the two remaining members own all partitions again", timeout: .seconds(90)) {
            first.assignment.union(second.assignment).count == partitionCount
        }
        try await Task.sleep(for: .milliseconds(500))
        keepProducing.cancel()
        await keepProducing.value

        let producedPartitions = produced.withLock { $0 }
        let expected = Set(producedPartitions.keys)
        let all = { first.received + second.received + third.received }
        let missing = { expected.subtracting(all().map { String(decoding: $0.value, as: UTF8.self) }) }
        do {
            try await waitUntil("every produced message is consumed", timeout: .seconds(90)) { missing().isEmpty }
        } catch {
            let partitions = Set(missing().compactMap { producedPartitions[$0] }).sorted()
            let assignments = "first \(first.assignment.sorted()), second \(second.assignment.sorted())"
            Issue.record("\(missing().count) messages never consumed, from partitions \(partitions); \(assignments)")
            throw error
        }
        await first.stop()
        await second.stop()
        await producer.stop()

        let values = all().map { String(decoding: $0.value, as: UTF8.self) }
        let repeated = Dictionary(grouping: values, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(repeated.isEmpty, "committed messages delivered again: \(repeated.prefix(20))")
        #expect(Set(values) == expected)
        #expect(first.errors.isEmpty && second.errors.isEmpty && third.errors.isEmpty)
    }

    @Test("a rebalance while a batch is in flight waits for its commit, and every partition keeps flowing after")
    func rebalanceDuringInFlightBatch() async throws {
        let broker = try await TansuBroker.started()
        defer { broker.stop() }
        let topic = uniqueName("inflight")
        let group = uniqueName("group")
        try await KafkaTestClients.createTopic(topic, partitions: 2, on: broker)
        let producer = try RunningProducer(broker: broker)
        let messages = (0..<20).map { KafkaProducerMessage(topic: topic, value: "m\($0)", partition: Int32($0 % 2)) }
        _ = try await producer.producer.send(batch: messages).map { try $0.get() }

        var configuration = KafkaTestClients.consumerConfiguration(broker, group: group, topics: [topic], maxBatchSize: 5)
        configuration.kafka.properties["heartbeat.interval.ms"] = "300"
        let holder = try KafkaConsumer(configuration: configuration, logger: KafkaTestClients.logger("holder"))
        let holderRun = Task { try await holder.run() }
        let received = MessageLog()
        let firstBatch: [KafkaConsumerMessage]? = try await withTimeout("the first batch") {
            var iterator = holder.batches.makeAsyncIterator()
            return try await iterator.next()
        }
        let inFlight = try #require(firstBatch)
        received.append(inFlight)

        // A second member joins while the holder's batch is in flight (all its partitions paused); the holder's
        // revocation waits for the commit, which comes only after the rebalance has started.
        let joiner = try CommittingConsumer(configuration, name: "joiner")
        joiner.start()
        try await Task.sleep(for: .seconds(2))
        try await holder.commit(inFlight)
        let holderWork = Task {
            for try await batch in holder.batches {
                received.append(batch)
                try await holder.commit(batch)
            }
        }
        try await waitUntil("the group is split") { !joiner.assignment.isEmpty && !holder.assignment.isEmpty }
        let more = (20..<40).map { KafkaProducerMessage(topic: topic, value: "m\($0)", partition: Int32($0 % 2)) }
        _ = try await producer.producer.send(batch: more).map { try $0.get() }
        let all = { received.all + joiner.received }
        try await waitUntil("both partitions are drained by their new owners", timeout: .seconds(90)) {
            Set(all().map(\.value)).count == 40
        }
        holderRun.cancel()
        try await holderRun.value
        try await holderWork.value
        await joiner.stop()
        await producer.stop()

        let values = all().map { String(decoding: $0.value, as: UTF8.self) }
        #expect(values.count == 40, "no message delivered twice: \(values.sorted())")
        #expect(Set(values) == Set((0..<40).map { "m\($0)" }))
        #expect(joiner.errors.isEmpty)
    }
}
