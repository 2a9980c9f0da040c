import Foundation
import GridKafka
import Logging
import Metrics

extension EventConsumer {
    /// Processes, dead-letters and commits one batch.
    /// - Returns: `false` when the consumer has shut down and the loop should end.
    func process(_ batch: [KafkaConsumerMessage]) async throws -> Bool {
        do {
            return try await processOrThrow(batch)
        } catch {
            // Cancelled, or stopping while retrying: nothing of this batch is committed; hand it back
            // so the consumer can leave the group without waiting for it.
            consumer.release(batch)
            throw error
        }
    }

    private func processOrThrow(_ batch: [KafkaConsumerMessage]) async throws -> Bool {
        let records = batch.map(IncomingMessage.init)
        var rejected: [(index: Int, error: any Error)] = []
        var events: [ConsumedEvent] = []
        var eventIndices: [Int] = []
        for (index, record) in records.enumerated() {
            if configuration.rawTopics.contains(record.topic) {
                events.append(ConsumedEvent(message: record, event: nil, inboxKey: configuration.rawInboxKey(record)))
                eventIndices.append(index)
                continue
            }
            do {
                let event = try CloudEvent(message: record)
                events.append(ConsumedEvent(message: record, event: event, inboxKey: InboxKey(event: event)))
                eventIndices.append(index)
            } catch {
                rejected.append((index, error))
            }
        }

        var report = BatchReport(messages: batch.count)
        let outcomes = try await inbox.processBatch(events, handler: handler)
        for (index, outcome) in zip(eventIndices, outcomes) {
            switch outcome {
            case .processed: report.processed += 1
            case .duplicate: report.duplicates += 1
            case .rejected(let error): rejected.append((index, error))
            }
        }
        rejected.sort { $0.index < $1.index }
        if !rejected.isEmpty {
            try await deadLetter(rejected.map { (records[$0.index], $0.error) })
            report.deadLettered = rejected.count
        }

        do {
            try await consumer.commit(batch)
            report.committed = true
        } catch {
            if error.code == .clientShutDown {
                logger.info("consumer shut down before the commit", metadata: ["consumer": "\(configuration.name)"])
                return false
            }
            // A later batch's commit covers these offsets; after a rebalance the new owner gets the
            // records again and its inbox skips them.
            consumer.release(batch)
            logger.warning(
                "could not commit offsets; the records will be skipped as duplicates if delivered again",
                metadata: ["consumer": "\(configuration.name)", "error": "\(error)"]
            )
        }
        metrics.record(report)
        configuration.onBatch?(report)
        return true
    }

    /// Produces the dead letters, retrying until every one is confirmed.
    private func deadLetter(_ failures: [(record: IncomingMessage, error: any Error)]) async throws {
        let failedAt = Date()
        var pending = failures.map { failure in
            logger.error(
                "dead-lettering a message that cannot be processed",
                metadata: [
                    "consumer": "\(configuration.name)", "topic": "\(failure.record.topic)",
                    "partition": "\(failure.record.partition)", "offset": "\(failure.record.offset)",
                    "error": "\(String(reflecting: failure.error))",
                ]
            )
            return DeadLetter.message(for: failure.record, consumer: configuration.name, error: failure.error, failedAt: failedAt)
        }
        var attempts = 0
        while !pending.isEmpty {
            let results = await deadLetters.publish(pending)
            let failed = zip(pending, results).filter { if case .failure = $0.1 { true } else { false } }
            guard !failed.isEmpty else { return }
            attempts += 1
            let delay = configuration.backoff.delay(afterFailures: attempts)
            if case .failure(let error) = failed[0].1 {
                logger.error(
                    "could not produce dead letters; retrying before committing",
                    metadata: [
                        "consumer": "\(configuration.name)", "failed": "\(failed.count)",
                        "error": "\(error)", "retry_in": "\(delay)",
                    ]
                )
            }
            pending = failed.map(\.0)
            try await RetryBackoff.sleepUnlessStopping(for: delay)
        }
    }
}

/// The consumer's metrics (dimension `consumer`):
/// `gridloop_events_consumed_total` with `outcome` = `processed`, `duplicate` or `dead_lettered`.
struct EventConsumerMetrics: Sendable {
    let processed: Counter
    let duplicates: Counter
    let deadLettered: Counter

    init(consumer: String) {
        let label = "gridloop_events_consumed_total"
        processed = Counter(label: label, dimensions: [("consumer", consumer), ("outcome", "processed")])
        duplicates = Counter(label: label, dimensions: [("consumer", consumer), ("outcome", "duplicate")])
        deadLettered = Counter(label: label, dimensions: [("consumer", consumer), ("outcome", "dead_lettered")])
    }

    func record(_ report: EventConsumer.BatchReport) {
        processed.increment(by: report.processed)
        duplicates.increment(by: report.duplicates)
        deadLettered.increment(by: report.deadLettered)
    }
}
