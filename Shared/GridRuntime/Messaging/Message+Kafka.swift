import GridKafka

extension MessageHeader {
    /// The header of a consumed Kafka record.
    public init(_ header: KafkaHeader) {
        self.init(name: header.name, value: header.value)
    }
}

extension KafkaHeader {
    /// A Kafka header for producing.
    public init(_ header: MessageHeader) {
        self.init(name: header.name, value: header.value)
    }
}

extension KafkaProducerMessage {
    /// The Kafka record for `message`. GridKafka has no null value: a record without value is sent with
    /// an empty one (and read back as "no data" by ``IncomingMessage/init(_:)``).
    public init(_ message: OutgoingMessage) {
        self.init(
            topic: message.topic,
            key: message.key,
            value: message.value ?? [],
            headers: message.headers.map(KafkaHeader.init)
        )
    }
}

extension IncomingMessage {
    /// A consumed Kafka record. An empty value is read as no value.
    public init(_ message: KafkaConsumerMessage) {
        self.init(
            topic: message.topic,
            partition: message.partition,
            offset: message.offset,
            key: message.key,
            headers: message.headers.map(MessageHeader.init),
            value: message.value.isEmpty ? nil : message.value
        )
    }
}

/// GridKafka errors say whether retrying can help (for example a broker that cannot be reached).
extension KafkaError: RetryClassifiable {}
