import Foundation
public import GridKafka
public import Logging

/// Reads a topic from its beginning with a fresh consumer group (`reader-<uuid>`), committing as it goes,
/// to check what services published.
///
/// ```swift
/// let deadLetters = try await TopicReader(kafka: kafka, logger: logger).read(2, from: "gridloop.case.lifecycle.dlt")
/// ```
public struct TopicReader: Sendable {
    /// Connection settings.
    public var kafka: KafkaConfiguration
    /// The reader's logger.
    public var logger: Logger
    /// How long a read may take before it fails with ``WaitTimedOut``. Default 90 s.
    public var timeout: Duration

    /// A reader over `kafka`.
    public init(kafka: KafkaConfiguration, logger: Logger, timeout: Duration = .seconds(90)) {
        self.kafka = kafka
        self.logger = logger
        self.timeout = timeout
    }

    /// Reads at least `count` records of `topic` (all of the batch that reaches it).
    public func read(_ count: Int, from topic: String) async throws -> [KafkaConsumerMessage] {
        try await read(topic) { $0.count >= count }
    }

    /// Reads `topic` until `done` holds for what was read.
    public func read(
        _ topic: String, until done: @escaping @Sendable ([KafkaConsumerMessage]) -> Bool
    ) async throws -> [KafkaConsumerMessage] {
        // Short session and poll intervals: Tansu makes a group's first join wait the whole poll interval.
        let consumer = try KafkaConsumer(
            configuration: .init(
                kafka: kafka, groupID: "reader-\(UUID().uuidString)", topics: [topic], sessionTimeout: .seconds(6),
                maxPollInterval: .seconds(6), revokeTimeout: .seconds(4)),
            logger: logger)
        return try await withTimeout("reading \(topic)", timeout: timeout) {
            try await withThrowingTaskGroup(of: [KafkaConsumerMessage]?.self) { tasks in
                tasks.addTask {
                    try await consumer.run()
                    return nil
                }
                tasks.addTask {
                    var records: [KafkaConsumerMessage] = []
                    for try await batch in consumer.batches {
                        records += batch
                        try await consumer.commit(batch)
                        if done(records) { break }
                    }
                    return records
                }
                defer { tasks.cancelAll() }
                while let finished = try await tasks.next() {
                    if let records = finished { return records }
                }
                return []
            }
        }
    }
}
