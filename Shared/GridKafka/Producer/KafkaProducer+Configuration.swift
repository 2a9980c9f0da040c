extension KafkaProducer {
    /// Producer settings. Idempotence (`enable.idempotence=true`, hence `acks=all`) and the Java-compatible
    /// `partitioner=murmur2_random` are always set; ``KafkaConfiguration/properties`` can still override any
    /// librdkafka property, including these.
    public struct Configuration: Sendable {
        /// Connection settings.
        public var kafka: KafkaConfiguration
        /// `linger.ms`: how long librdkafka waits to fill a batch. Default 5 ms.
        public var linger: Duration
        /// `batch.num.messages`: most messages in one produce request batch. Default 10,000.
        public var maxBatchMessages: Int
        /// `batch.size`: most bytes in one batch. Default 1,000,000.
        public var maxBatchBytes: Int
        /// `queue.buffering.max.messages`: the local queue's capacity. When it is full, `send` waits for delivery
        /// reports instead of failing. Default 100,000.
        public var maxQueuedMessages: Int
        /// `message.timeout.ms`: how long librdkafka keeps retrying a message (for example while the broker is
        /// unreachable) before `send` fails with a retriable ``KafkaError``. Default 120 s.
        public var deliveryTimeout: Duration
        /// How long the graceful shutdown waits for outstanding messages to be delivered before failing them.
        /// Default 10 s.
        public var shutdownFlushTimeout: Duration

        /// Creates producer settings with the documented defaults.
        public init(
            kafka: KafkaConfiguration,
            linger: Duration = .milliseconds(5),
            maxBatchMessages: Int = 10_000,
            maxBatchBytes: Int = 1_000_000,
            maxQueuedMessages: Int = 100_000,
            deliveryTimeout: Duration = .seconds(120),
            shutdownFlushTimeout: Duration = .seconds(10)
        ) {
            self.kafka = kafka
            self.linger = linger
            self.maxBatchMessages = maxBatchMessages
            self.maxBatchBytes = maxBatchBytes
            self.maxQueuedMessages = maxQueuedMessages
            self.deliveryTimeout = deliveryTimeout
            self.shutdownFlushTimeout = shutdownFlushTimeout
        }

        /// Every librdkafka property the producer is created with.
        public var librdkafkaProperties: [String: String] {
            self.kafka.librdkafkaProperties(clientDefaults: [
                "enable.idempotence": "true",
                "acks": "all",
                "partitioner": "murmur2_random",
                "linger.ms": self.linger.millisecondsProperty,
                "batch.num.messages": String(self.maxBatchMessages),
                "batch.size": String(self.maxBatchBytes),
                "queue.buffering.max.messages": String(self.maxQueuedMessages),
                "message.timeout.ms": self.deliveryTimeout.millisecondsProperty,
            ])
        }
    }
}
