extension KafkaConsumer {
    /// Consumer-group member settings. Offsets are never committed automatically (`enable.auto.commit=false`,
    /// `enable.auto.offset.store=false`); ``KafkaConfiguration/properties`` can override any librdkafka property.
    public struct Configuration: Sendable {
        /// Connection settings.
        public var kafka: KafkaConfiguration
        /// `group.id`: the consumer group.
        public var groupID: String
        /// The topics to subscribe to (they should exist; see ``KafkaAdmin/createTopics(_:timeout:)``).
        public var topics: [String]
        /// Most messages in one batch. Default 500.
        public var maxBatchSize: Int
        /// How long to wait for more messages after the first one of a batch. Default 50 ms.
        public var maxBatchWait: Duration
        /// `session.timeout.ms`: how long the group waits for a member that stopped heartbeating. librdkafka
        /// requires it not to exceed ``maxPollInterval``. Default 10 s.
        public var sessionTimeout: Duration
        /// `max.poll.interval.ms`, also the group's rebalance timeout. The poll thread keeps polling while the
        /// application works on a batch, so this only bounds how long a rebalance may take. Default 10 s (Tansu
        /// makes a group's first join wait this long).
        public var maxPollInterval: Duration
        /// `auto.offset.reset`: where a group without committed offsets starts. Default ``AutoOffsetReset/earliest``.
        public var autoOffsetReset: AutoOffsetReset
        /// How long a rebalance (or the shutdown) waits for the application to commit or release the in-flight batch
        /// of revoked partitions before giving them up anyway. Must be below ``maxPollInterval``. Default 8 s.
        public var revokeTimeout: Duration

        /// Creates consumer settings with the documented defaults.
        public init(
            kafka: KafkaConfiguration,
            groupID: String,
            topics: [String],
            maxBatchSize: Int = 500,
            maxBatchWait: Duration = .milliseconds(50),
            sessionTimeout: Duration = .seconds(10),
            maxPollInterval: Duration = .seconds(10),
            autoOffsetReset: AutoOffsetReset = .earliest,
            revokeTimeout: Duration = .seconds(8)
        ) {
            self.kafka = kafka
            self.groupID = groupID
            self.topics = topics
            self.maxBatchSize = maxBatchSize
            self.maxBatchWait = maxBatchWait
            self.sessionTimeout = sessionTimeout
            self.maxPollInterval = maxPollInterval
            self.autoOffsetReset = autoOffsetReset
            self.revokeTimeout = revokeTimeout
        }

        /// Every librdkafka property the consumer is created with.
        public var librdkafkaProperties: [String: String] {
            self.kafka.librdkafkaProperties(clientDefaults: [
                "group.id": self.groupID,
                "enable.auto.commit": "false",
                "enable.auto.offset.store": "false",
                "enable.partition.eof": "false",
                "auto.offset.reset": self.autoOffsetReset.name,
                "session.timeout.ms": self.sessionTimeout.millisecondsProperty,
                "max.poll.interval.ms": self.maxPollInterval.millisecondsProperty,
            ])
        }

        /// Checks the settings GridKafka itself relies on.
        func validate() throws(KafkaError) {
            var problems: [String] = []
            if self.groupID.isEmpty { problems.append("groupID is empty") }
            if self.topics.isEmpty || self.topics.contains(where: \.isEmpty) {
                problems.append("topics must be a non-empty list of non-empty names")
            }
            if self.maxBatchSize < 1 { problems.append("maxBatchSize must be at least 1") }
            if self.sessionTimeout > self.maxPollInterval {
                problems.append("sessionTimeout (\(self.sessionTimeout)) must not exceed maxPollInterval (\(self.maxPollInterval))")
            }
            if self.revokeTimeout >= self.maxPollInterval {
                problems.append("revokeTimeout (\(self.revokeTimeout)) must be below maxPollInterval (\(self.maxPollInterval))")
            }
            guard problems.isEmpty else {
                throw KafkaError(
                    code: .invalidConfiguration,
                    message: "invalid consumer configuration: \(problems.joined(separator: "; "))"
                )
            }
        }
    }

    /// librdkafka's `auto.offset.reset`.
    public struct AutoOffsetReset: Sendable, Hashable, CustomStringConvertible {
        /// The librdkafka value.
        public let name: String

        private init(name: String) {
            self.name = name
        }

        /// Start from the oldest retained message.
        public static let earliest = AutoOffsetReset(name: "earliest")
        /// Start from the next message produced.
        public static let latest = AutoOffsetReset(name: "latest")
        /// Fail instead of guessing.
        public static let error = AutoOffsetReset(name: "error")

        /// The librdkafka value.
        public var description: String { self.name }
    }
}
