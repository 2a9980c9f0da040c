/// A topic to create with ``KafkaAdmin/createTopics(_:timeout:)``.
public struct TopicSpecification: Sendable, Hashable {
    /// The topic name.
    public var name: String
    /// The number of partitions.
    public var partitions: Int
    /// The replication factor; `-1` lets the broker use its default.
    public var replicationFactor: Int
    /// Topic configs, e.g. `["retention.ms": "604800000", "cleanup.policy": "compact"]`.
    public var configs: [String: String]

    /// Creates a topic specification.
    public init(name: String, partitions: Int, replicationFactor: Int = -1, configs: [String: String] = [:]) {
        self.name = name
        self.partitions = partitions
        self.replicationFactor = replicationFactor
        self.configs = configs
    }
}
