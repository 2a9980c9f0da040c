import GridKafka
import Testing
import TestSupport

@Suite("Admin", .timeLimit(.minutes(3)))
struct AdminTests {
    @Test("createTopics creates missing topics, treats existing ones as success, and metadata lists them")
    func createTopicsAndMetadata() async throws {
        let broker = try await TansuBroker.started()
        defer { broker.stop() }
        let admin = try KafkaAdmin(configuration: KafkaTestClients.kafka(broker), logger: KafkaTestClients.logger("admin"))
        let topic = uniqueName("admin")
        let specification = TopicSpecification(
            name: topic,
            partitions: 4,
            replicationFactor: 1,
            configs: ["retention.ms": "86400000"]
        )
        try await admin.createTopics([specification])
        try await admin.createTopics([specification, TopicSpecification(name: topic + "-second", partitions: 1, replicationFactor: 1)])

        let metadata = try await admin.metadata()
        #expect(metadata.brokers.contains { $0.port == broker.port })
        let described = try #require(metadata.topic(named: topic))
        #expect(described.partitions.map(\.id) == [0, 1, 2, 3])
        #expect(described.error == nil)
        #expect(metadata.topic(named: topic + "-second")?.partitions.count == 1)
    }
}
