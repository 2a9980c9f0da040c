extension KafkaConfiguration {
    /// Reads the configuration from environment variables (pass `ProcessInfo.processInfo.environment` from `main`).
    ///
    /// | Variable | Meaning | Default |
    /// | --- | --- | --- |
    /// | `KAFKA_BROKERS` | comma-separated `host:port` list | required |
    /// | `KAFKA_CLIENT_ID` | `client.id` | `gridloop` |
    /// | `KAFKA_SECURITY_PROTOCOL` | `plaintext`, `ssl`, `sasl_plaintext` or `sasl_ssl` | `plaintext` |
    /// | `KAFKA_SASL_MECHANISM` | `PLAIN`, `SCRAM-SHA-256` or `SCRAM-SHA-512` | none |
    /// | `KAFKA_SASL_USERNAME`, `KAFKA_SASL_PASSWORD` | SASL credentials, required with a mechanism | none |
    /// | `KAFKA_PROPERTY_<NAME>` | librdkafka property `<name>`: lower-cased, `_` → `.` | none |
    ///
    /// For example `KAFKA_PROPERTY_SOCKET_TIMEOUT_MS=5000` sets `socket.timeout.ms=5000`.
    ///
    /// - Throws: ``KafkaConfigurationError`` listing every invalid setting.
    public init(environment: [String: String]) throws(KafkaConfigurationError) {
        var problems: [KafkaConfigurationError.InvalidSetting] = []
        func reject(_ name: String, _ problem: String) {
            problems.append(.init(name: name, problem: problem))
        }
        func value(_ name: String) -> String? {
            guard let raw = environment[name]?.trimmingWhitespace, !raw.isEmpty else { return nil }
            return raw
        }

        var servers: [String] = []
        if let brokers = value("KAFKA_BROKERS") {
            servers = brokers.split(separator: ",").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
            for server in servers where !Self.isHostAndPort(server) {
                reject("KAFKA_BROKERS", "'\(server)' is not host:port (e.g. 127.0.0.1:9092)")
            }
            if servers.isEmpty { reject("KAFKA_BROKERS", "no broker listed; expected host:port[,host:port…]") }
        } else {
            reject("KAFKA_BROKERS", "missing; set it to the brokers' host:port list, e.g. 127.0.0.1:9092")
        }

        var securityProtocol = SecurityProtocol.plaintext
        if let text = value("KAFKA_SECURITY_PROTOCOL") {
            if let parsed = SecurityProtocol(parsing: text) {
                securityProtocol = parsed
            } else {
                let known = SecurityProtocol.all.map(\.name).joined(separator: ", ")
                reject("KAFKA_SECURITY_PROTOCOL", "'\(text)' is not one of \(known)")
            }
        }

        var sasl: SASL?
        let username = value("KAFKA_SASL_USERNAME")
        let password = value("KAFKA_SASL_PASSWORD")
        if let text = value("KAFKA_SASL_MECHANISM") {
            let mechanism = SASL.Mechanism(parsing: text)
            if mechanism == nil {
                let known = SASL.Mechanism.all.map(\.name).joined(separator: ", ")
                reject("KAFKA_SASL_MECHANISM", "'\(text)' is not one of \(known)")
            }
            if username == nil { reject("KAFKA_SASL_USERNAME", "missing; required with KAFKA_SASL_MECHANISM") }
            if password == nil { reject("KAFKA_SASL_PASSWORD", "missing; required with KAFKA_SASL_MECHANISM") }
            if !securityProtocol.usesSASL {
                reject("KAFKA_SECURITY_PROTOCOL", "'\(securityProtocol)' does not use SASL; use sasl_ssl or sasl_plaintext")
            }
            if let mechanism, let username, let password {
                sasl = SASL(mechanism: mechanism, username: username, password: password)
            }
        } else {
            if username != nil || password != nil {
                reject("KAFKA_SASL_MECHANISM", "missing; required when KAFKA_SASL_USERNAME or KAFKA_SASL_PASSWORD is set")
            }
            if securityProtocol.usesSASL {
                reject("KAFKA_SASL_MECHANISM", "missing; required with KAFKA_SECURITY_PROTOCOL=\(securityProtocol)")
            }
        }

        let prefix = "KAFKA_PROPERTY_"
        var properties: [String: String] = [:]
        for (name, raw) in environment.sorted(by: { $0.key < $1.key }) where name.hasPrefix(prefix) {
            let property = name.dropFirst(prefix.count).lowercased().replacingUnderscoresWithDots
            if property.isEmpty || property.hasPrefix(".") || property.hasSuffix(".") {
                reject(name, "not a property name; use KAFKA_PROPERTY_<NAME>, e.g. KAFKA_PROPERTY_SOCKET_TIMEOUT_MS")
            } else {
                properties[property] = raw
            }
        }

        guard problems.isEmpty else { throw KafkaConfigurationError(invalidSettings: problems) }
        self.init(
            bootstrapServers: servers,
            clientID: value("KAFKA_CLIENT_ID") ?? "gridloop",
            securityProtocol: securityProtocol,
            sasl: sasl,
            properties: properties
        )
    }

    /// `host:port` with a non-empty host and a port in 1…65535 (IPv6 hosts in brackets).
    static func isHostAndPort(_ text: String) -> Bool {
        guard let colon = text.lastIndex(of: ":") else { return false }
        let host = text[..<colon]
        guard let port = Int(text[text.index(after: colon)...]) else { return false }
        return !host.isEmpty && !host.contains(where: \.isWhitespace) && (1...65_535).contains(port)
    }
}

extension StringProtocol {
    fileprivate var trimmingWhitespace: String {
        String(self.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    fileprivate var replacingUnderscoresWithDots: String {
        String(self.map { $0 == "_" ? "." : $0 })
    }
}
