import GridKafka
import Logging
import TestSupport

/// Loggers, configurations and running clients for tests against a real Tansu.
enum KafkaTestClients {
    /// A logger that shows warnings and worse (librdkafka's connection noise stays out of test output).
    static func logger(_ label: String) -> Logger {
        var logger = Logger(label: "test.\(label)")
        logger.logLevel = .warning
        return logger
    }

    /// Connection settings for `broker`, reconnecting quickly.
    static func kafka(_ broker: TansuBroker) -> KafkaConfiguration {
        KafkaConfiguration(
            bootstrapServers: [broker.bootstrapServers],
            clientID: "gridkafka-tests",
            properties: ["reconnect.backoff.ms": "100", "reconnect.backoff.max.ms": "1000"]
        )
    }

    /// Consumer settings suited to Tansu: short session and poll intervals so rebalances are quick.
    static func consumerConfiguration(
        _ broker: TansuBroker,
        group: String,
        topics: [String],
        maxBatchSize: Int = 50
    ) -> KafkaConsumer.Configuration {
        KafkaConsumer.Configuration(
            kafka: kafka(broker),
            groupID: group,
            topics: topics,
            maxBatchSize: maxBatchSize,
            sessionTimeout: .seconds(10),
            maxPollInterval: .seconds(10),
            revokeTimeout: .seconds(5)
        )
    }

    /// Creates `topic` with `partitions` partitions.
    static func createTopic(_ topic: String, partitions: Int, on broker: TansuBroker) async throws {
        let admin = try KafkaAdmin(configuration: kafka(broker), logger: logger("admin"))
        try await admin.createTopics([TopicSpecification(name: topic, partitions: partitions, replicationFactor: 1)])
    }
}

/// A producer whose `run()` is active in a background task until ``stop()``.
final class RunningProducer: Sendable {
    let producer: KafkaProducer
    private let task: Task<Void, any Error>

    init(_ configuration: KafkaProducer.Configuration) throws {
        let producer = try KafkaProducer(configuration: configuration, logger: KafkaTestClients.logger("producer"))
        self.producer = producer
        self.task = Task { try await producer.run() }
    }

    convenience init(broker: TansuBroker) throws {
        try self.init(KafkaProducer.Configuration(kafka: KafkaTestClients.kafka(broker)))
    }

    /// Cancels `run()` (which flushes) and waits for it.
    func stop() async {
        self.task.cancel()
        _ = await self.task.result
    }
}
