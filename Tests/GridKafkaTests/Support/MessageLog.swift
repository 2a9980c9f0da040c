import GridKafka
import Synchronization

/// Messages received by a test's own consumer loop, safe to share between tasks.
final class MessageLog: Sendable {
    private let messages = Mutex<[KafkaConsumerMessage]>([])

    func append(_ batch: [KafkaConsumerMessage]) {
        self.messages.withLock { $0.append(contentsOf: batch) }
    }

    var all: [KafkaConsumerMessage] { self.messages.withLock { $0 } }
}
