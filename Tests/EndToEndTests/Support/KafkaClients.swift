import GridKafka
import Logging
import Synchronization

/// The stack's Kafka clients: a running producer and the lifecycle reader. Created by `LocalStack.up()`.
final class KafkaClients: Sendable {
    let producer: KafkaProducer
    let lifecycle: LifecycleLog
    private let producerTask = Mutex<Task<Void, any Error>?>(nil)

    init(bootstrapServers: String, logger: Logger) throws {
        let kafka = KafkaConfiguration(
            bootstrapServers: [bootstrapServers],
            clientID: "gridloop-e2e",
            properties: ["reconnect.backoff.ms": "100", "reconnect.backoff.max.ms": "1000"]
        )
        let producer = try KafkaProducer(configuration: KafkaProducer.Configuration(kafka: kafka), logger: logger)
        self.producer = producer
        self.lifecycle = try LifecycleLog(kafka: kafka, logger: logger)
    }

    /// Starts the producer's polling and the lifecycle reader.
    func start() {
        self.producerTask.withLock { task in
            guard task == nil else { return }
            let producer = self.producer
            task = Task { try await producer.run() }
        }
        self.lifecycle.start()
    }

    /// Stops the reader, then the producer (which flushes).
    func stop() async {
        await self.lifecycle.stop()
        let task = self.producerTask.withLock { $0 }
        task?.cancel()
        _ = await task?.result
    }
}
