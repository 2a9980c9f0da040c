import GridKafka
import GridRuntime

extension KafkaSettings {
    /// GridKafka's connection settings for these `KAFKA_*` values (the runtime still reads them into
    /// its interim `KafkaSettings`). SASL mechanisms GridKafka has no type for are passed to
    /// librdkafka as plain properties.
    var kafkaConfiguration: KafkaConfiguration {
        var properties = self.properties
        var sasl: KafkaConfiguration.SASL?
        if let name = saslMechanism {
            if let mechanism = KafkaConfiguration.SASL.Mechanism(parsing: name), let username = saslUsername, let password = saslPassword {
                sasl = KafkaConfiguration.SASL(mechanism: mechanism, username: username, password: password)
            } else {
                properties["sasl.mechanism"] = name
                if let saslUsername { properties["sasl.username"] = saslUsername }
                if let saslPassword { properties["sasl.password"] = saslPassword }
            }
        }
        return KafkaConfiguration(
            bootstrapServers: brokers, clientID: clientID,
            securityProtocol: KafkaConfiguration.SecurityProtocol(parsing: securityProtocol.rawValue) ?? .plaintext, sasl: sasl,
            properties: properties)
    }
}
