/// The cluster as a broker describes it: brokers, topics and their partitions.
public struct KafkaMetadata: Sendable, Hashable {
    /// A broker.
    public struct Broker: Sendable, Hashable {
        /// The broker id.
        public var id: Int32
        /// The advertised host.
        public var host: String
        /// The advertised port.
        public var port: Int
    }

    /// A partition of a topic.
    public struct Partition: Sendable, Hashable {
        /// The partition number.
        public var id: Int32
        /// The leader broker id (`-1` if none).
        public var leader: Int32
        /// The replica broker ids.
        public var replicas: [Int32]
        /// The in-sync replica broker ids.
        public var inSyncReplicas: [Int32]
    }

    /// A topic.
    public struct Topic: Sendable, Hashable {
        /// The topic name.
        public var name: String
        /// Its partitions, by id.
        public var partitions: [Partition]
        /// The broker's error for this topic (librdkafka name), if any, e.g. `UNKNOWN_TOPIC_OR_PART`.
        public var error: String?
    }

    /// The brokers.
    public var brokers: [Broker]
    /// The topics, by name.
    public var topics: [Topic]

    /// The topic named `name`, if the cluster has it.
    public func topic(named name: String) -> Topic? {
        self.topics.first { $0.name == name }
    }
}
