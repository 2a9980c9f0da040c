import CRDKafka
import Synchronization

/// librdkafka topic handles (`rd_kafka_topic_t`) by name, so producing does not look the topic up per message.
///
/// Topic handles are thread-safe and reference-counted by librdkafka; they must be destroyed before the client
/// handle, which ``KafkaProducer``'s deinit does by calling ``destroyAll()``.
final class TopicHandles: Sendable {
    private let client: RDKafkaClient
    private let handles = Mutex<[String: OpaquePointer]>([:])

    init(client: RDKafkaClient) {
        self.client = client
    }

    /// The handle for `topic`, created on first use; `nil` if librdkafka refuses the name.
    func handle(for topic: String) -> OpaquePointer? {
        self.handles.withLock { handles in
            if let handle = handles[topic] { return handle }
            guard let handle = rd_kafka_topic_new(self.client.handle, topic, nil) else { return nil }
            handles[topic] = handle
            return handle
        }
    }

    /// Destroys every handle.
    func destroyAll() {
        self.handles.withLock { handles in
            for handle in handles.values { rd_kafka_topic_destroy(handle) }
            handles.removeAll()
        }
    }
}
