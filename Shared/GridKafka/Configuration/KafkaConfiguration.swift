/// Connection settings shared by producers, consumers and admin clients.
///
/// Everything here is passed to librdkafka as properties (see ``librdkafkaProperties``); GridKafka does not
/// interpret them beyond validation. Read it from the environment with ``init(environment:)``.
public struct KafkaConfiguration: Sendable, Hashable {
    /// `bootstrap.servers`: `host:port` entries. Required, at least one.
    public var bootstrapServers: [String]
    /// `client.id`: shown in broker logs and metrics. Default `"gridloop"`.
    public var clientID: String
    /// `security.protocol`. Default ``SecurityProtocol/plaintext``.
    public var securityProtocol: SecurityProtocol
    /// SASL credentials (`sasl.mechanism`, `sasl.username`, `sasl.password`); `nil` for no SASL. Default `nil`.
    public var sasl: SASL?
    /// Any other librdkafka properties (`name → value`), applied last so they override every typed setting,
    /// including the producer's and consumer's defaults. Default empty.
    public var properties: [String: String]

    /// Creates a configuration.
    public init(
        bootstrapServers: [String],
        clientID: String = "gridloop",
        securityProtocol: SecurityProtocol = .plaintext,
        sasl: SASL? = nil,
        properties: [String: String] = [:]
    ) {
        self.bootstrapServers = bootstrapServers
        self.clientID = clientID
        self.securityProtocol = securityProtocol
        self.sasl = sasl
        self.properties = properties
    }

    /// The librdkafka properties for these settings (extra ``properties`` included).
    public var librdkafkaProperties: [String: String] {
        self.librdkafkaProperties(clientDefaults: [:])
    }

    /// The connection properties, then a client's own `clientDefaults`, then the extra ``properties`` (which win).
    func librdkafkaProperties(clientDefaults: [String: String]) -> [String: String] {
        var result = [
            "bootstrap.servers": self.bootstrapServers.joined(separator: ","),
            "client.id": self.clientID,
            "security.protocol": self.securityProtocol.name,
        ]
        if let sasl = self.sasl {
            result["sasl.mechanism"] = sasl.mechanism.name
            result["sasl.username"] = sasl.username
            result["sasl.password"] = sasl.password
        }
        result.merge(clientDefaults) { _, client in client }
        result.merge(self.properties) { _, extra in extra }
        return result
    }
}

extension KafkaConfiguration: CustomStringConvertible {
    /// The settings with the SASL password and any property whose name mentions a password or secret redacted.
    public var description: String {
        let shown = self.librdkafkaProperties.sorted { $0.key < $1.key }.map { name, value in
            let secret = name.contains("password") || name.contains("secret")
            return "\(name)=\(secret ? "<redacted>" : value)"
        }
        return "KafkaConfiguration(\(shown.joined(separator: ", ")))"
    }
}
