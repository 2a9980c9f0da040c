/// A message to produce.
public struct KafkaProducerMessage: Sendable, Hashable {
    /// The topic to produce to.
    public var topic: String
    /// The key; messages with equal keys go to the same partition (Java-compatible murmur2 partitioner).
    /// `nil` spreads keyless messages over partitions.
    public var key: [UInt8]?
    /// The payload.
    public var value: [UInt8]
    /// Headers, in order.
    public var headers: [KafkaHeader]
    /// A fixed partition, or `nil` to let the partitioner choose from the key.
    public var partition: Int32?

    /// Creates a message.
    public init(
        topic: String,
        key: [UInt8]? = nil,
        value: [UInt8],
        headers: [KafkaHeader] = [],
        partition: Int32? = nil
    ) {
        self.topic = topic
        self.key = key
        self.value = value
        self.headers = headers
        self.partition = partition
    }

    /// Creates a message whose key and value are UTF-8 strings.
    public init(
        topic: String,
        key: String? = nil,
        value: String,
        headers: [KafkaHeader] = [],
        partition: Int32? = nil
    ) {
        self.init(topic: topic, key: key.map { Array($0.utf8) }, value: Array(value.utf8), headers: headers, partition: partition)
    }
}
