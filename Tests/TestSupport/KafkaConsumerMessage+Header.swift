public import GridKafka

extension KafkaConsumerMessage {
    /// The text of the first header called `name`, if the record has one with a value.
    public func header(_ name: String) -> String? {
        headers.first { $0.name == name }?.value.map { String(decoding: $0, as: UTF8.self) }
    }
}
