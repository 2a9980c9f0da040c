import GridKafka
import GridRuntime

/// GridKafka's connection settings from the scaffold's `KAFKA_*` settings.
enum RoutingKafka {
    /// The connection settings; throws ``RoutingStartupError`` when Kafka is not configured or the SASL
    /// mechanism is not one GridKafka supports.
    static func configuration(_ settings: KafkaSettings?) throws(RoutingStartupError) -> KafkaConfiguration {
        guard let settings else {
            throw RoutingStartupError(.invalidKafka, "routing needs Kafka: set KAFKA_BROKERS")
        }
        var sasl: KafkaConfiguration.SASL?
        if let name = settings.saslMechanism {
            guard let mechanism = KafkaConfiguration.SASL.Mechanism(parsing: name) else {
                throw RoutingStartupError(.invalidKafka, "KAFKA_SASL_MECHANISM \(name) is not one of PLAIN, SCRAM-SHA-256, SCRAM-SHA-512")
            }
            sasl = .init(mechanism: mechanism, username: settings.saslUsername ?? "", password: settings.saslPassword ?? "")
        }
        return KafkaConfiguration(
            bootstrapServers: settings.brokers, clientID: settings.clientID,
            securityProtocol: KafkaConfiguration.SecurityProtocol(parsing: settings.securityProtocol.rawValue) ?? .plaintext,
            sasl: sasl, properties: settings.properties)
    }
}
