import GridKafka
import Testing
import TestSupport

@Suite("Key → partition", .timeLimit(.minutes(3)))
struct PartitioningTests {
    @Test("equal keys go to one partition, the one Java clients' default partitioner picks")
    func sameKeySamePartitionAsJava() async throws {
        let broker = try await TansuBroker.started()
        defer { broker.stop() }
        let topic = uniqueName("partitioning")
        let partitionCount: Int32 = 6
        try await KafkaTestClients.createTopic(topic, partitions: Int(partitionCount), on: broker)
        let producer = try RunningProducer(broker: broker)

        let keys = (0..<12).map { "110101001001\($0)" } + ["", "a", "ab", "abc", "区划-延庆"]
        let messages = (0..<5).flatMap { round in
            keys.map { KafkaProducerMessage(topic: topic, key: $0, value: "round \(round)") }
        }
        let reports = try await producer.producer.send(batch: messages).map { try $0.get() }
        await producer.stop()

        var partitionsByKey: [[UInt8]: Set<Int32>] = [:]
        for (message, report) in zip(messages, reports) {
            partitionsByKey[message.key!, default: []].insert(report.partition)
        }
        for (key, partitions) in partitionsByKey {
            #expect(partitions.count == 1, "key \(key) went to partitions \(partitions)")
            #expect(partitions.first == JavaDefaultPartitioner.partition(key: key, partitionCount: partitionCount))
        }
        #expect(Set(partitionsByKey.values.compactMap(\.first)).count > 1, "keys should spread over partitions")
    }
}

/// The Java client's default partitioner for keyed records: `toPositive(murmur2(key)) % numPartitions`, written
/// from the algorithm's description (Kafka `Utils.murmur2`, seed 0x9747b28c).
enum JavaDefaultPartitioner {
    static func partition(key: [UInt8], partitionCount: Int32) -> Int32 {
        Int32(bitPattern: murmur2(key) & 0x7fff_ffff) % partitionCount
    }

    static func murmur2(_ data: [UInt8]) -> UInt32 {
        let m: UInt32 = 0x5bd1_e995
        var h: UInt32 = 0x9747_b28c ^ UInt32(data.count)
        let blocks = data.count / 4
        for block in 0..<blocks {
            let i = block * 4
            var k = UInt32(data[i]) | UInt32(data[i + 1]) << 8 | UInt32(data[i + 2]) << 16 | UInt32(data[i + 3]) << 24
            k &*= m
            k ^= k >> 24
            k &*= m
            h &*= m
            h ^= k
        }
        let tail = blocks * 4
        let remaining = data.count % 4
        if remaining >= 3 { h ^= UInt32(data[tail + 2]) << 16 }
        if remaining >= 2 { h ^= UInt32(data[tail + 1]) << 8 }
        if remaining >= 1 {
            h ^= UInt32(data[tail])
            h &*= m
        }
        h ^= h >> 13
        h &*= m
        h ^= h >> 15
        return h
    }
}
