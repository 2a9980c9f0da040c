import GridKafka
import GridRuntime

extension KafkaSettings {
    /// The same settings as GridKafka's connection configuration (the runtime reads `KAFKA_*` into
    /// `KafkaSettings`; GridKafka's clients take a `KafkaConfiguration`). Both validate the same keys,
    /// so the values always convert; an unknown SASL mechanism is passed as a raw property.
    var kafkaConfiguration: KafkaConfiguration {
        var properties = self.properties
        var sasl: KafkaConfiguration.SASL?
        if let name = saslMechanism {
            if let mechanism = KafkaConfiguration.SASL.Mechanism(parsing: name) {
                sasl = .init(mechanism: mechanism, username: saslUsername ?? "", password: saslPassword ?? "")
            } else {
                properties["sasl.mechanism"] = name
            }
        }
        return KafkaConfiguration(
            bootstrapServers: brokers, clientID: clientID,
            securityProtocol: KafkaConfiguration.SecurityProtocol(parsing: securityProtocol.rawValue) ?? .plaintext,
            sasl: sasl, properties: properties)
    }
}
