import Foundation
import Logging

extension ServiceConfiguration {
    /// Every common setting, in the order they are read and documented.
    public static let settings: [ConfigurationSetting] = [
        .serviceName, .cityDirectory, .httpHost, .httpPort,
        .databaseHost, .databasePort, .databaseName, .databaseUser, .databasePassword, .databaseSchema,
        .databaseTLS, .databaseMaxConnections,
        .logLevel, .logFormat,
        .authJWTSecret, .authJWTPublicKeyPEM, .authIssuer, .authAudience,
        .metricsEnabled, .healthCheckTimeout, .shutdownGrace,
        .inboxRetention, .inboxPruneInterval,
    ]

    /// The shortest ``InboxPruner/Configuration/retention`` `INBOX_RETENTION_SECONDS` accepts: one day.
    public static let minimumInboxRetention = Duration.seconds(86_400)

    /// Loads the common configuration and the service's own ``ServiceSettings`` in one pass.
    ///
    /// - Parameters:
    ///   - service: The service name, e.g. `intake` (also the default schema and Kafka client id).
    ///   - usesKafka: Whether the `KAFKA_*` settings are read (and `KAFKA_BROKERS` required).
    ///   - source: Where values come from; `.environment()` in `main`, an `InMemoryProvider` in tests.
    ///   - extra: The service's own settings type.
    /// - Throws: ``ConfigurationError`` listing every missing or invalid setting, common and extra.
    public static func load<Extra: ServiceSettings>(
        service: String, usesKafka: Bool = true, source: ConfigurationSource, extra: Extra.Type = NoServiceSettings.self
    ) throws(ConfigurationError) -> (ServiceConfiguration, Extra) {
        var reader = SettingsReader(source: source)
        let configuration = read(service: service, usesKafka: usesKafka, from: &reader)
        let extraSettings = Extra(reading: &reader)
        try reader.finish(component: service)
        // finish() threw if anything was missing, so every required part is present here.
        guard let configuration, let extraSettings else {
            preconditionFailure("settings reported no problem but a required value is missing")
        }
        return (configuration, extraSettings)
    }

    /// Loads only the common configuration.
    public static func load(service: String, usesKafka: Bool = true, source: ConfigurationSource)
        throws(ConfigurationError) -> ServiceConfiguration
    {
        try load(service: service, usesKafka: usesKafka, source: source, extra: NoServiceSettings.self).0
    }

    /// Reads the common settings, recording problems in `reader`; `nil` when a required one is missing.
    static func read(service defaultName: String, usesKafka: Bool, from reader: inout SettingsReader) -> ServiceConfiguration? {
        let service = reader.value(.serviceName, default: defaultName) { text throws(InvalidSettingValue) in
            guard text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
                throw InvalidSettingValue("contains characters other than letters, digits, '-' and '_'")
            }
            return text
        } ?? defaultName
        let cityDirectory = reader.value(.cityDirectory, default: nil as String?) { path throws(InvalidSettingValue) in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw InvalidSettingValue("no such directory")
            }
            return path
        }
        let http = HTTP(host: reader.string(.httpHost, default: "0.0.0.0"), port: reader.int(.httpPort, default: 8080, in: 0...65535))
        let database = readDatabase(service: service, from: &reader)
        let kafka = usesKafka ? readKafka(service: service, from: &reader) : nil
        let logging = Logging(level: reader.choice(.logLevel, default: Logger.Level.info), format: reader.choice(.logFormat, default: LogFormat.json))
        let auth = readAuth(from: &reader)
        let metrics = Metrics(enabled: reader.bool(.metricsEnabled, default: true))
        let lifecycle = Lifecycle(
            healthCheckTimeout: reader.seconds(.healthCheckTimeout, default: .seconds(2), minimum: .milliseconds(100)),
            shutdownGracePeriod: reader.seconds(.shutdownGrace, default: .seconds(30), minimum: .seconds(1)))
        let inboxPruning = readInboxPruning(from: &reader)
        guard let database, let auth, !usesKafka || kafka != nil else { return nil }
        return ServiceConfiguration(
            serviceName: service, cityDirectory: cityDirectory, http: http, database: database, kafka: kafka, logging: logging, auth: auth,
            metrics: metrics, lifecycle: lifecycle, inboxPruning: inboxPruning)
    }

    private static func readInboxPruning(from reader: inout SettingsReader) -> InboxPruner.Configuration {
        let defaults = InboxPruner.Configuration()
        let retention = reader.seconds(.inboxRetention, default: defaults.retention)
        if retention < minimumInboxRetention, let text = reader.text(.inboxRetention) {
            reader.record(ConfigurationProblem(
                setting: .inboxRetention,
                kind: .invalid(reason: "shorter than 1 day; records must outlive the topics' retention, or a redelivered event is processed twice"),
                value: text))
        }
        var configuration = defaults
        configuration.retention = max(retention, minimumInboxRetention)
        configuration.interval = reader.seconds(.inboxPruneInterval, default: defaults.interval, minimum: .seconds(1))
        return configuration
    }

    private static func readDatabase(service: String, from reader: inout SettingsReader) -> Database? {
        let host = reader.requiredString(.databaseHost)
        let port = reader.int(.databasePort, default: 5432, in: 1...65535)
        let name = reader.requiredString(.databaseName)
        let user = reader.requiredString(.databaseUser)
        let password = reader.optionalString(.databasePassword)
        let defaultSchema = service.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
        let schema = reader.value(.databaseSchema, default: defaultSchema) { text throws(InvalidSettingValue) in
            try validateIdentifier(text)
        } ?? defaultSchema
        let tls = reader.choice(.databaseTLS, default: Database.TLSMode.prefer)
        let maxConnections = reader.int(.databaseMaxConnections, default: 20, in: 1...1000)
        guard let host, let name, let user else { return nil }
        return Database(
            host: host, port: port, name: name, user: user, password: password, schema: schema, tls: tls,
            maxConnections: maxConnections)
    }

    private static func readKafka(service: String, from reader: inout SettingsReader) -> KafkaSettings? {
        // Switch point: when GridKafka's `KafkaConfiguration(environment:)` lands, call it here and fold
        // its error into `reader` the same way.
        do {
            return try KafkaSettings(environment: reader.source.environment, defaultClientID: service)
        } catch {
            error.problems.forEach { reader.record($0) }
            return nil
        }
    }

    private static func readAuth(from reader: inout SettingsReader) -> Auth? {
        let issuer = reader.string(.authIssuer, default: "gridloop")
        let audience = reader.string(.authAudience, default: "gridloop")
        switch (reader.text(.authJWTSecret) != nil, reader.text(.authJWTPublicKeyPEM) != nil) {
        case (false, false):
            reader.record(ConfigurationProblem(setting: .authJWTSecret, kind: .missing))
            return nil
        case (true, true):
            reader.record(ConfigurationProblem(
                setting: .authJWTPublicKeyPEM,
                kind: .invalid(reason: "set only one of AUTH_JWT_SECRET and AUTH_JWT_PUBLIC_KEY_PEM")))
            return nil
        case (true, false):
            let key = reader.value(.authJWTSecret, default: nil as TokenKey?) { text throws(InvalidSettingValue) in
                guard text.utf8.count >= 32 else { throw InvalidSettingValue("shorter than 32 bytes") }
                return .sharedSecret(text)
            }
            return key.map { Auth(key: $0, issuer: issuer, audience: audience) }
        case (false, true):
            let key = reader.value(.authJWTPublicKeyPEM, default: nil as TokenKey?) { text throws(InvalidSettingValue) in
                try TokenKey.publicKey(pem: text.replacingEscapedNewlines())
            }
            return key.map { Auth(key: $0, issuer: issuer, audience: audience) }
        }
    }

    static func validateIdentifier(_ text: String) throws(InvalidSettingValue) -> String {
        let bytes = Array(text.utf8)
        let isStart: (UInt8) -> Bool = { ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x5F }
        let isPart: (UInt8) -> Bool = { isStart($0) || ($0 >= 0x30 && $0 <= 0x39) }
        guard let first = bytes.first, isStart(first), bytes.allSatisfy(isPart), bytes.count <= 63 else {
            throw InvalidSettingValue("not a lower-case SQL identifier")
        }
        return text
    }
}

extension String {
    /// Replaces the two characters `\n` with a newline (PEM keys pasted into one-line variables).
    func replacingEscapedNewlines() -> String {
        split(separator: "\\n", omittingEmptySubsequences: false).joined(separator: "\n")
    }
}
