/// Kafka connection settings read from `KAFKA_*` variables.
///
/// Interim stand-in for GridKafka's `KafkaConfiguration(environment:)`, with the same keys and the
/// same signature shape, so switching is a one-line change in
/// `ServiceConfiguration.readKafka(service:from:)`. Keys:
/// `KAFKA_BROKERS` (required, comma-separated `host:port`), `KAFKA_CLIENT_ID`,
/// `KAFKA_SECURITY_PROTOCOL`, `KAFKA_SASL_MECHANISM`, `KAFKA_SASL_USERNAME`, `KAFKA_SASL_PASSWORD`,
/// `KAFKA_PROPERTY_<NAME>` passed to librdkafka as `<name>` lower-cased with `_` → `.`, and
/// `KAFKA_CONSUMER_PROPERTY_<NAME>` the same for consumers only (e.g. `fetch.wait.max.ms`, which a
/// producer would warn about).
public struct KafkaSettings: Sendable, Hashable {
    /// librdkafka's `security.protocol`.
    public enum SecurityProtocol: String, Sendable, Hashable, CaseIterable {
        /// No TLS, no SASL.
        case plaintext
        /// TLS.
        case ssl
        /// SASL without TLS.
        case saslPlaintext = "sasl_plaintext"
        /// SASL over TLS.
        case saslSSL = "sasl_ssl"
    }

    /// `host:port` entries.
    public var brokers: [String]
    /// `client.id`. Default: the service name.
    public var clientID: String
    /// `security.protocol`. Default `plaintext`.
    public var securityProtocol: SecurityProtocol
    /// `sasl.mechanism` (e.g. `PLAIN`, `SCRAM-SHA-512`), required with a SASL protocol.
    public var saslMechanism: String?
    /// `sasl.username`.
    public var saslUsername: String?
    /// `sasl.password`. Secret.
    public var saslPassword: String?
    /// Extra librdkafka properties from `KAFKA_PROPERTY_*`.
    public var properties: [String: String]
    /// Extra librdkafka properties for consumers only, from `KAFKA_CONSUMER_PROPERTY_*` (they win over
    /// ``properties``).
    public var consumerProperties: [String: String]

    /// `KAFKA_BROKERS`.
    public static let brokersSetting = ConfigurationSetting(
        key: "kafka.brokers", expected: "comma-separated host:port list", default: nil,
        summary: "Bootstrap servers (`bootstrap.servers`).")
    /// `KAFKA_CLIENT_ID`.
    public static let clientIDSetting = ConfigurationSetting(
        key: "kafka.clientId", expected: "a string", default: "the service name", summary: "`client.id`.")
    /// `KAFKA_SECURITY_PROTOCOL`.
    public static let securityProtocolSetting = ConfigurationSetting(
        key: "kafka.securityProtocol", expected: "plaintext, ssl, sasl_plaintext or sasl_ssl", default: "plaintext",
        summary: "`security.protocol`.")
    /// `KAFKA_SASL_MECHANISM`.
    public static let saslMechanismSetting = ConfigurationSetting(
        key: "kafka.saslMechanism", expected: "PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512",
        default: "none; required with sasl_* protocols", summary: "`sasl.mechanism`.")
    /// `KAFKA_SASL_USERNAME`.
    public static let saslUsernameSetting = ConfigurationSetting(
        key: "kafka.saslUsername", expected: "a string", default: "none; required with PLAIN/SCRAM",
        summary: "`sasl.username`.")
    /// `KAFKA_SASL_PASSWORD`.
    public static let saslPasswordSetting = ConfigurationSetting(
        key: "kafka.saslPassword", expected: "a string", default: "none; required with PLAIN/SCRAM", isSecret: true,
        summary: "`sasl.password`. Secret.")

    /// The Kafka settings, for documentation.
    public static let settings: [ConfigurationSetting] = [
        brokersSetting, clientIDSetting, securityProtocolSetting, saslMechanismSetting, saslUsernameSetting,
        saslPasswordSetting,
    ]

    /// Reads the `KAFKA_*` variables of `environment`.
    /// - Throws: ``ConfigurationError`` listing every missing or invalid Kafka setting.
    public init(environment: [String: String], defaultClientID: String = "gridloop") throws(ConfigurationError) {
        var problems: [ConfigurationProblem] = []
        func text(_ setting: ConfigurationSetting) -> String? {
            environment[setting.environmentName].map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
        }

        let brokers = text(Self.brokersSetting).map { $0.split(separator: ",").map { String($0).trimmingWhitespace() } } ?? []
        if text(Self.brokersSetting) == nil {
            problems.append(ConfigurationProblem(setting: Self.brokersSetting, kind: .missing))
        } else if let bad = brokers.first(where: { !Self.isHostPort($0) }) {
            problems.append(ConfigurationProblem(
                setting: Self.brokersSetting, kind: .invalid(reason: "'\(bad)' is not host:port"), value: text(Self.brokersSetting)))
        }

        var securityProtocol = SecurityProtocol.plaintext
        if let given = text(Self.securityProtocolSetting) {
            if let parsed = SecurityProtocol(rawValue: given.lowercased()) {
                securityProtocol = parsed
            } else {
                problems.append(ConfigurationProblem(
                    setting: Self.securityProtocolSetting, kind: .invalid(reason: "unknown protocol"), value: given))
            }
        }

        let mechanism = text(Self.saslMechanismSetting)?.uppercased()
        let username = text(Self.saslUsernameSetting)
        let password = text(Self.saslPasswordSetting)
        let knownMechanisms = ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"]
        let usesSASL = securityProtocol == .saslPlaintext || securityProtocol == .saslSSL
        if let mechanism, !knownMechanisms.contains(mechanism) {
            problems.append(ConfigurationProblem(
                setting: Self.saslMechanismSetting, kind: .invalid(reason: "unknown mechanism (GSSAPI and OAUTHBEARER are not built in)"), value: mechanism))
        } else if usesSASL, mechanism == nil {
            problems.append(ConfigurationProblem(setting: Self.saslMechanismSetting, kind: .missing))
        }
        if usesSASL, let mechanism, mechanism == "PLAIN" || mechanism.hasPrefix("SCRAM") {
            if username == nil { problems.append(ConfigurationProblem(setting: Self.saslUsernameSetting, kind: .missing)) }
            if password == nil { problems.append(ConfigurationProblem(setting: Self.saslPasswordSetting, kind: .missing)) }
        }

        func properties(prefixed prefix: String) -> [String: String] {
            var properties: [String: String] = [:]
            for (name, value) in environment where name.hasPrefix(prefix) && name.count > prefix.count {
                properties[name.dropFirst(prefix.count).lowercased().replacingUnderscoresWithDots()] = value
            }
            return properties
        }

        guard problems.isEmpty else { throw .invalidSettings(problems, component: "kafka") }
        self.brokers = brokers
        self.clientID = text(Self.clientIDSetting) ?? defaultClientID
        self.securityProtocol = securityProtocol
        self.saslMechanism = mechanism
        self.saslUsername = username
        self.saslPassword = password
        self.properties = properties(prefixed: "KAFKA_PROPERTY_")
        self.consumerProperties = properties(prefixed: "KAFKA_CONSUMER_PROPERTY_")
    }

    /// The librdkafka properties these settings stand for (`bootstrap.servers`, `client.id`, …).
    public var librdkafkaProperties: [String: String] {
        var result = properties
        result["bootstrap.servers"] = brokers.joined(separator: ",")
        result["client.id"] = clientID
        result["security.protocol"] = securityProtocol.rawValue
        if let saslMechanism { result["sasl.mechanism"] = saslMechanism }
        if let saslUsername { result["sasl.username"] = saslUsername }
        if let saslPassword { result["sasl.password"] = saslPassword }
        return result
    }

    private static func isHostPort(_ entry: String) -> Bool {
        guard let colon = entry.lastIndex(of: ":"), colon != entry.startIndex, let port = Int(entry[entry.index(after: colon)...]) else {
            return false
        }
        return (1...65535).contains(port)
    }
}

extension KafkaSettings: CustomStringConvertible {
    /// The settings without the SASL password.
    public var description: String {
        "KafkaSettings(brokers: \(brokers), clientID: \(clientID), securityProtocol: \(securityProtocol.rawValue), "
            + "saslMechanism: \(saslMechanism ?? "none"), saslUsername: \(saslUsername ?? "none"), "
            + "saslPassword: \(saslPassword == nil ? "none" : "<secret>"), properties: \(properties.keys.sorted()))"
    }
}

extension String {
    func replacingUnderscoresWithDots() -> String {
        String(map { $0 == "_" ? "." : $0 })
    }
}
