import GridKafka
import Synchronization

/// A consumer plus a worker that records every batch and commits it at once, as a service would.
final class CommittingConsumer: Sendable {
    let consumer: KafkaConsumer
    private let receivedMessages = Mutex<[KafkaConsumerMessage]>([])
    private let failures = Mutex<[any Error]>([])
    private let tasks = Mutex<[Task<Void, Never>]>([])

    init(_ configuration: KafkaConsumer.Configuration, name: String = "consumer") throws {
        self.consumer = try KafkaConsumer(configuration: configuration, logger: KafkaTestClients.logger(name))
    }

    /// Starts `run()` and the worker.
    func start() {
        let consumer = self.consumer
        let runTask = Task {
            do { try await consumer.run() } catch { self.failures.withLock { $0.append(error) } }
        }
        let workTask = Task {
            do {
                for try await batch in consumer.batches {
                    self.receivedMessages.withLock { $0.append(contentsOf: batch) }
                    try await consumer.commit(batch)
                }
            } catch {
                self.failures.withLock { $0.append(error) }
            }
        }
        self.tasks.withLock { $0 = [runTask, workTask] }
    }

    /// Stops `run()` (which leaves the group) and waits for both tasks.
    func stop() async {
        let tasks = self.tasks.withLock { $0 }
        tasks.first?.cancel()
        for task in tasks { await task.value }
    }

    /// Every message received so far, in arrival order.
    var received: [KafkaConsumerMessage] { self.receivedMessages.withLock { $0 } }
    /// Every run/commit error so far.
    var errors: [any Error] { self.failures.withLock { $0 } }
    /// The consumer's current assignment.
    var assignment: Set<KafkaTopicPartition> { self.consumer.assignment }
}
