public import GridKafka

extension KafkaConfiguration {
    /// GridKafka's connection settings from the scaffold's validated `KAFKA_*` settings: brokers,
    /// client id, security protocol, SASL (PLAIN or SCRAM) and the `KAFKA_PROPERTY_*` pass-through.
    public init(_ settings: KafkaSettings) {
        var sasl: SASL?
        if let name = settings.saslMechanism, let mechanism = SASL.Mechanism(parsing: name) {
            sasl = SASL(mechanism: mechanism, username: settings.saslUsername ?? "", password: settings.saslPassword ?? "")
        }
        self.init(
            bootstrapServers: settings.brokers,
            clientID: settings.clientID,
            securityProtocol: SecurityProtocol(parsing: settings.securityProtocol.rawValue) ?? .plaintext,
            sasl: sasl,
            properties: settings.properties
        )
    }
}
