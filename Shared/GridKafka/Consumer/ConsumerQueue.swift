import CRDKafka

/// The consumer's queue handle (`rd_kafka_queue_get_consumer`), used to wake a blocked `rd_kafka_consumer_poll`.
///
/// `@unchecked Sendable`: wraps a librdkafka queue handle, which is thread-safe (`rd_kafka_queue_yield` may be
/// called from any thread).
final class ConsumerQueue: @unchecked Sendable {
    private let queue: OpaquePointer
    private let client: RDKafkaClient

    init(client: RDKafkaClient) {
        self.client = client
        self.queue = rd_kafka_queue_get_consumer(client.handle)
    }

    /// Makes a blocked `rd_kafka_consumer_poll` return now.
    func wakeUp() {
        rd_kafka_queue_yield(self.queue)
    }

    deinit {
        // Runs before the client (and its handle) is released, since this object holds the client.
        rd_kafka_queue_destroy(self.queue)
    }
}
