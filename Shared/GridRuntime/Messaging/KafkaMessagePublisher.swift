import GridKafka

/// Publishes through GridKafka's idempotent producer: one `send(batch:)` per call, results in input
/// order once every delivery report is in. The producer keeps a key's records in order within its
/// partition (idempotence), which the outbox relay relies on.
public struct KafkaMessagePublisher: MessagePublisher {
    /// The producer; run it as a service registered before the relay (so it stops after it).
    public let producer: KafkaProducer

    /// A publisher on `producer`.
    public init(producer: KafkaProducer) {
        self.producer = producer
    }

    public func publish(_ messages: [OutgoingMessage]) async -> [Result<Void, any Error>] {
        let reports = await producer.send(batch: messages.map(KafkaProducerMessage.init))
        return reports.map { result in
            switch result {
            case .success: .success(())
            case .failure(let error): .failure(error)
            }
        }
    }
}
