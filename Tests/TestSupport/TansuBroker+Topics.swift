public import GridKafka
import GridRuntime
public import Logging

extension TansuBroker {
    /// Connection settings for this broker.
    public func kafkaConfiguration(clientID: String) -> KafkaConfiguration {
        KafkaConfiguration(bootstrapServers: [bootstrapServers], clientID: clientID)
    }

    /// Creates each of `topics` with `partitions` partitions, and its dead-letter topic
    /// (`<topic>.dlt`, one partition).
    public func createTopicsWithDeadLetters(_ topics: [String], partitions: Int, logger: Logger) async throws {
        let admin = try KafkaAdmin(configuration: kafkaConfiguration(clientID: "test-admin"), logger: logger)
        try await admin.createTopics(
            topics.flatMap {
                [TopicSpecification(name: $0, partitions: partitions), TopicSpecification(name: DeadLetter.topic(for: $0), partitions: 1)]
            })
    }
}
