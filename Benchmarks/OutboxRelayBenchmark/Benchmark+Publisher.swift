import GridKafka
import GridRuntime
import Logging

/// Runs `body` with the publisher chosen by `--publisher`: for `kafka`, creates the topic and runs a
/// GridKafka producer (default settings: idempotent, `acks=all`, `linger.ms=5`) around it.
func withPublisher<Result: Sendable>(
    options: BenchmarkOptions,
    topic: String,
    logger: Logger,
    _ body: (any MessagePublisher) async throws -> Result
) async throws -> Result {
    guard options.publisher == "kafka", let brokers = options.brokers else {
        return try await body(DiscardingPublisher())
    }
    let kafka = KafkaConfiguration(bootstrapServers: brokers.split(separator: ",").map(String.init), clientID: "outbox-relay-benchmark")
    let admin = try KafkaAdmin(configuration: kafka, logger: logger)
    try await admin.createTopics([TopicSpecification(name: topic, partitions: options.partitions)])
    let producer = try KafkaProducer(configuration: .init(kafka: kafka), logger: logger)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await producer.run() }
        defer { group.cancelAll() }
        return try await body(KafkaMessagePublisher(producer: producer))
    }
}
