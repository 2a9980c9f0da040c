extension KafkaConsumer.Configuration {
    /// Reads the connection settings with ``KafkaConfiguration/init(environment:)`` and the group id from
    /// `KAFKA_GROUP_ID` (default `defaultGroupID`, normally the service's name); everything else keeps the
    /// documented defaults.
    ///
    /// - Throws: ``KafkaConfigurationError`` listing every invalid setting.
    public init(
        environment: [String: String],
        defaultGroupID: String,
        topics: [String]
    ) throws(KafkaConfigurationError) {
        let kafka = try KafkaConfiguration(environment: environment)
        let groupID = environment["KAFKA_GROUP_ID"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultGroupID
        self.init(kafka: kafka, groupID: groupID, topics: topics)
    }
}
