/// A consumed record with its position: what the inbox and the dead-letter logic need to know about a
/// message, independent of the Kafka client.
public struct IncomingMessage: Sendable, Hashable {
    /// The topic it was read from.
    public var topic: String
    /// The partition it was read from.
    public var partition: Int32
    /// Its offset in that partition.
    public var offset: Int64
    /// The record key.
    public var key: [UInt8]?
    /// The record headers, in order.
    public var headers: [MessageHeader]
    /// The record value.
    public var value: [UInt8]?

    /// Creates a consumed record.
    public init(
        topic: String,
        partition: Int32,
        offset: Int64,
        key: [UInt8]?,
        headers: [MessageHeader],
        value: [UInt8]?
    ) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.key = key
        self.headers = headers
        self.value = value
    }
}
