import Foundation

/// A consumed message.
public struct KafkaConsumerMessage: Sendable, Hashable {
    /// The topic.
    public var topic: String
    /// The partition.
    public var partition: Int32
    /// The offset within the partition.
    public var offset: Int64
    /// The key, `nil` if the message had none.
    public var key: [UInt8]?
    /// The payload; empty for a null value (tombstone).
    public var value: [UInt8]
    /// Headers, in order.
    public var headers: [KafkaHeader]
    /// The message timestamp (create or log-append time), `nil` if the broker gave none.
    public var timestamp: Date?

    /// Creates a message (the consumer creates these; tests may too).
    public init(
        topic: String,
        partition: Int32,
        offset: Int64,
        key: [UInt8]? = nil,
        value: [UInt8],
        headers: [KafkaHeader] = [],
        timestamp: Date? = nil
    ) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.key = key
        self.value = value
        self.headers = headers
        self.timestamp = timestamp
    }

    /// The message's topic-partition.
    public var topicPartition: KafkaTopicPartition {
        KafkaTopicPartition(topic: self.topic, partition: self.partition)
    }
}
