import Foundation
public import GridKafka
public import Logging
import Synchronization

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
    /// - Throws: ``WaitTimedOut`` naming how many of the `count` arrived, after ``timeout``.
    public func read(_ count: Int, from topic: String) async throws -> [KafkaConsumerMessage] {
        try await read(topic, awaiting: { "\($0) of \(count) records arrived" }) { $0.count >= count }
    }

    /// Reads `topic` until `done` holds for what was read.
    /// - Throws: ``WaitTimedOut`` naming how many records arrived, after ``timeout``.
    public func read(
        _ topic: String, until done: @escaping @Sendable ([KafkaConsumerMessage]) -> Bool
    ) async throws -> [KafkaConsumerMessage] {
        try await read(topic, awaiting: { "\($0) records arrived, not yet all that were awaited" }, until: done)
    }

    /// Reads `topic` until `done` holds, or throws after ``timeout`` with `progress(recordsRead)` in the message.
    private func read(
        _ topic: String,
        awaiting progress: (Int) -> String,
        until done: @escaping @Sendable ([KafkaConsumerMessage]) -> Bool
    ) async throws -> [KafkaConsumerMessage] {
        // Short session and poll intervals: Tansu makes a group's first join wait the whole poll interval.
        let consumer = try KafkaConsumer(
            configuration: .init(
                kafka: kafka, groupID: "reader-\(UUID().uuidString)", topics: [topic], sessionTimeout: .seconds(6),
                maxPollInterval: .seconds(6), revokeTimeout: .seconds(4)),
            logger: logger)
        let arrived = ArrivedCount()
        let timeout = self.timeout
        let outcome = try await withThrowingTaskGroup(of: ReadOutcome.self) { tasks in
            tasks.addTask {
                try await consumer.run()
                return .consumerStopped
            }
            tasks.addTask {
                var records: [KafkaConsumerMessage] = []
                for try await batch in consumer.batches {
                    records += batch
                    arrived.value.withLock { $0 = records.count }
                    try await consumer.commit(batch)
                    if done(records) { break }
                }
                return .read(records)
            }
            tasks.addTask {
                try await Task.sleep(for: timeout)
                return .timedOut
            }
            defer { tasks.cancelAll() }
            while let finished = try await tasks.next() {
                if case .consumerStopped = finished { continue }
                return finished
            }
            return .consumerStopped
        }
        switch outcome {
        case .read(let records):
            return records
        case .consumerStopped:
            return []
        case .timedOut:
            let count = arrived.value.withLock { $0 }
            throw WaitTimedOut(description: "timed out after \(timeout) reading \(topic): \(progress(count))")
        }
    }
}

/// How a read of ``TopicReader`` ended.
private enum ReadOutcome: Sendable {
    /// The reader finished (its condition held, or the stream ended) with these records.
    case read([KafkaConsumerMessage])
    /// The consumer's `run()` returned.
    case consumerStopped
    /// The time bound passed first.
    case timedOut
}

/// How many records a read has received so far, for the time-out message.
private final class ArrivedCount: Sendable {
    let value = Mutex(0)
}
