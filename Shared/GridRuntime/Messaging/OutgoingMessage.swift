/// A record to produce: topic, key, headers, value. Independent of the Kafka client so that the outbox
/// and the dead-letter logic can be tested without a broker.
public struct OutgoingMessage: Sendable, Hashable {
    /// The destination topic.
    public var topic: String
    /// The record key (for case events: the case id, so one case's events share a partition).
    public var key: [UInt8]?
    /// The record headers, in order.
    public var headers: [MessageHeader]
    /// The record value; `nil` produces a record without value.
    public var value: [UInt8]?

    /// Creates a record.
    public init(topic: String, key: [UInt8]?, headers: [MessageHeader], value: [UInt8]?) {
        self.topic = topic
        self.key = key
        self.headers = headers
        self.value = value
    }
}
