import Configuration
import Foundation
import JWTKit
import Logging
import Testing
import TestSupport

@testable import GridRuntime

@Suite("Configuration")
struct ConfigurationTests {
    static let minimal: [String: String] = [
        "DATABASE_HOST": "127.0.0.1", "DATABASE_NAME": "gridloop", "DATABASE_USER": "intake",
        "KAFKA_BROKERS": "127.0.0.1:9092", "AUTH_JWT_SECRET": String(repeating: "s", count: 32),
    ]

    /// An `InMemoryProvider` source with the given values under their dotted keys.
    static func inMemory(_ values: [String: ConfigValue], environment: [String: String] = [:]) -> ConfigurationSource {
        let pairs = values.map { (AbsoluteConfigKey(ConfigKey($0.key)), $0.value) }
        return ConfigurationSource(
            reader: ConfigReader(provider: InMemoryProvider(values: Dictionary(uniqueKeysWithValues: pairs))),
            environment: environment)
    }

    @Test func defaultsApplyWhenOnlyRequiredSettingsAreGiven() throws {
        let source = Self.inMemory(
            [
                "database.host": "db.internal", "database.name": "gridloop", "database.user": "sla_monitor",
                "auth.jwt.secret": ConfigValue(.string(String(repeating: "k", count: 40)), isSecret: true),
            ],
            environment: ["KAFKA_BROKERS": "127.0.0.1:9092"])
        let configuration = try ServiceConfiguration.load(service: "sla-monitor", source: source)
        #expect(configuration.http == .init(host: "0.0.0.0", port: 8080))
        #expect(configuration.database.port == 5432)
        #expect(configuration.database.schema == "sla_monitor")
        #expect(configuration.database.tls == .prefer)
        #expect(configuration.database.maxConnections == 20)
        #expect(configuration.database.password == nil)
        #expect(configuration.logging == .init(level: .info, format: .json))
        #expect(configuration.auth.issuer == "gridloop" && configuration.auth.audience == "gridloop")
        #expect(configuration.auth.key.algorithm == "HS256")
        #expect(configuration.metrics.enabled)
        #expect(configuration.lifecycle.healthCheckTimeout == .seconds(2))
        #expect(configuration.lifecycle.shutdownGracePeriod == .seconds(30))
        #expect(configuration.kafka?.brokers == ["127.0.0.1:9092"])
        #expect(configuration.kafka?.clientID == "sla-monitor")
    }

    @Test func typedInMemoryValuesAreAccepted() throws {
        let source = Self.inMemory(
            [
                "database.host": "db", "database.name": "g", "database.user": "u", "database.port": 6543,
                "database.maxConnections": 3, "metrics.enabled": false, "http.port": 9000,
                "auth.jwt.secret": .init(.string(String(repeating: "x", count: 32)), isSecret: false),
            ])
        let configuration = try ServiceConfiguration.load(service: "routing", usesKafka: false, source: source)
        #expect(configuration.database.port == 6543)
        #expect(configuration.database.maxConnections == 3)
        #expect(configuration.metrics.enabled == false)
        #expect(configuration.http.port == 9000)
        #expect(configuration.kafka == nil)
    }

    @Test func environmentVariableNamesFollowTheProviderMapping() throws {
        #expect(ConfigurationSetting.databaseMaxConnections.environmentName == "DATABASE_MAX_CONNECTIONS")
        #expect(ConfigurationSetting.authJWTPublicKeyPEM.environmentName == "AUTH_JWT_PUBLIC_KEY_PEM")
        #expect(ConfigurationSetting.healthCheckTimeout.environmentName == "HEALTH_CHECK_TIMEOUT_SECONDS")
        // The same names, read through EnvironmentVariablesProvider, reach the configuration.
        var environment = Self.minimal
        environment["DATABASE_MAX_CONNECTIONS"] = "7"
        environment["AUTH_ISSUER"] = "city-idp"
        environment["HEALTH_CHECK_TIMEOUT_SECONDS"] = "0.5"
        environment["SHUTDOWN_GRACE_SECONDS"] = "12"
        environment["LOG_FORMAT"] = "TEXT"
        environment["DATABASE_TLS"] = "disable"
        let configuration = try ServiceConfiguration.load(service: "intake", source: .environment(environment))
        #expect(configuration.database.maxConnections == 7)
        #expect(configuration.auth.issuer == "city-idp")
        #expect(configuration.lifecycle.healthCheckTimeout == .milliseconds(500))
        #expect(configuration.lifecycle.shutdownGracePeriod == .seconds(12))
        #expect(configuration.logging.format == .text)
        #expect(configuration.database.tls == .disable)
    }

    @Test func serviceNameAndCityDirectory() throws {
        var environment = Self.minimal
        environment["SERVICE_NAME"] = "intake-eu"
        environment["GRIDLOOP_CITY_DIR"] = FileManager.default.temporaryDirectory.path
        let configuration = try ServiceConfiguration.load(service: "intake", source: .environment(environment))
        #expect(configuration.serviceName == "intake-eu")
        #expect(configuration.database.schema == "intake_eu")
        #expect(configuration.kafka?.clientID == "intake-eu")
        #expect(configuration.cityDirectory == FileManager.default.temporaryDirectory.path)

        environment["SERVICE_NAME"] = "intake eu"
        environment["GRIDLOOP_CITY_DIR"] = "/nonexistent/city"
        let error = try #require(throws: ConfigurationError.self) {
            try ServiceConfiguration.load(service: "intake", source: .environment(environment))
        }
        #expect(error.environmentNames == ["SERVICE_NAME", "GRIDLOOP_CITY_DIR"])
        #expect(error.description.contains("GRIDLOOP_CITY_DIR is invalid (\"/nonexistent/city\": no such directory)"))
    }

    @Test func oneErrorListsEveryMissingAndInvalidSetting() throws {
        let environment = [
            "HTTP_PORT": "eighty", "DATABASE_TLS": "maybe", "LOG_LEVEL": "loud", "DATABASE_SCHEMA": "Bad-Schema",
            "DATABASE_MAX_CONNECTIONS": "0", "METRICS_ENABLED": "perhaps",
        ]
        let error = try #require(throws: ConfigurationError.self) {
            try ServiceConfiguration.load(service: "intake", source: .environment(environment))
        }
        #expect(
            Set(error.environmentNames) == [
                "HTTP_PORT", "DATABASE_HOST", "DATABASE_NAME", "DATABASE_USER", "DATABASE_SCHEMA", "DATABASE_TLS",
                "DATABASE_MAX_CONNECTIONS", "KAFKA_BROKERS", "LOG_LEVEL", "AUTH_JWT_SECRET", "METRICS_ENABLED",
            ])
        let message = error.description
        #expect(message.hasPrefix("intake: configuration is invalid (11 problems)"))
        #expect(message.contains("HTTP_PORT is invalid (\"eighty\": not an integer); expected an integer 0…65535; default 8080"))
        #expect(message.contains("DATABASE_HOST is missing; expected a host name or IP address; required, no default"))
        #expect(message.contains("DATABASE_TLS is invalid (\"maybe\": not one of disable, prefer, require)"))
        #expect(message.contains("DATABASE_MAX_CONNECTIONS is invalid (\"0\": out of range 1…1000)"))
        #expect(message.contains("AUTH_JWT_SECRET is missing"))
    }

    @Test func secretValuesNeverAppearInErrors() throws {
        var environment = Self.minimal
        environment["AUTH_JWT_SECRET"] = "too-short-secret"
        environment["DATABASE_PASSWORD"] = "hunter2"
        environment["HTTP_PORT"] = "-1"
        let error = try #require(throws: ConfigurationError.self) {
            try ServiceConfiguration.load(service: "intake", source: .environment(environment))
        }
        #expect(error.environmentNames == ["HTTP_PORT", "AUTH_JWT_SECRET"])
        #expect(!error.description.contains("too-short-secret"))
        #expect(!error.description.contains("hunter2"))
        #expect(error.description.contains("AUTH_JWT_SECRET is invalid (value hidden: shorter than 32 bytes)"))
    }

    @Test func exactlyOneTokenKeyMustBeConfigured() async throws {
        let privateKey = ES256PrivateKey()
        let pem = privateKey.publicKey.pemRepresentation
        var environment = Self.minimal
        environment["AUTH_JWT_SECRET"] = nil
        environment["AUTH_JWT_PUBLIC_KEY_PEM"] = pem.replacingOccurrences(of: "\n", with: "\\n")
        let configuration = try ServiceConfiguration.load(service: "intake", source: .environment(environment))
        #expect(configuration.auth.key.algorithm == "ES256")

        environment["AUTH_JWT_SECRET"] = String(repeating: "s", count: 32)
        let both = try #require(throws: ConfigurationError.self) {
            try ServiceConfiguration.load(service: "intake", source: .environment(environment))
        }
        #expect(both.environmentNames == ["AUTH_JWT_PUBLIC_KEY_PEM"])
        #expect(both.description.contains("set only one of AUTH_JWT_SECRET and AUTH_JWT_PUBLIC_KEY_PEM"))

        environment["AUTH_JWT_SECRET"] = nil
        environment["AUTH_JWT_PUBLIC_KEY_PEM"] = "-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----"
        let bad = try #require(throws: ConfigurationError.self) {
            try ServiceConfiguration.load(service: "intake", source: .environment(environment))
        }
        #expect(bad.description.contains("not a PEM-encoded P-256 or RSA"))
    }

    @Test func kafkaSettingsPassPropertiesThroughAndValidateSASL() throws {
        let settings = try KafkaSettings(
            environment: [
                "KAFKA_BROKERS": "10.0.0.1:9092, kafka-2:9093", "KAFKA_PROPERTY_SOCKET_TIMEOUT_MS": "5000",
                "KAFKA_CONSUMER_PROPERTY_FETCH_WAIT_MAX_MS": "50", "KAFKA_SECURITY_PROTOCOL": "SASL_SSL", "KAFKA_SASL_MECHANISM": "scram-sha-512",
                "KAFKA_SASL_USERNAME": "intake", "KAFKA_SASL_PASSWORD": "pw",
            ], defaultClientID: "intake")
        #expect(settings.brokers == ["10.0.0.1:9092", "kafka-2:9093"])
        #expect(settings.librdkafkaProperties["socket.timeout.ms"] == "5000")
        // Consumer-only properties stay out of the shared ones (a producer would warn about them).
        #expect(settings.consumerProperties == ["fetch.wait.max.ms": "50"])
        #expect(settings.librdkafkaProperties["fetch.wait.max.ms"] == nil)
        #expect(settings.librdkafkaProperties["security.protocol"] == "sasl_ssl")
        #expect(settings.librdkafkaProperties["sasl.mechanism"] == "SCRAM-SHA-512")
        #expect(!settings.description.contains("pw,") && settings.description.contains("<secret>"))

        let error = try #require(throws: ConfigurationError.self) {
            try KafkaSettings(environment: ["KAFKA_BROKERS": "kafka-1", "KAFKA_SECURITY_PROTOCOL": "sasl_plaintext"])
        }
        #expect(error.environmentNames == ["KAFKA_BROKERS", "KAFKA_SASL_MECHANISM"])
        #expect(error.description.contains("'kafka-1' is not host:port"))
    }

    struct IntakeTestSettings: ServiceSettings {
        static let placesFile = ConfigurationSetting(
            key: "intake.placesFile", expected: "a file path", default: nil, summary: "City place file.")
        static let batchSize = ConfigurationSetting(
            key: "intake.batchSize", expected: "an integer 1…10000", default: "500", summary: "Batch size.")
        static var settings: [ConfigurationSetting] { [placesFile, batchSize] }
        let placesFile: String
        let batchSize: Int
        init?(reading reader: inout SettingsReader) {
            let batch = reader.int(Self.batchSize, default: 500, in: 1...10_000)
            guard let path = reader.requiredString(Self.placesFile) else { return nil }
            placesFile = path
            batchSize = batch
        }
    }

    @Test func serviceSpecificSettingsAreReportedWithTheCommonOnes() throws {
        var environment = Self.minimal
        environment["DATABASE_HOST"] = nil
        environment["INTAKE_BATCH_SIZE"] = "0"
        let error = try #require(throws: ConfigurationError.self) {
            try ServiceConfiguration.load(service: "intake", source: .environment(environment), extra: IntakeTestSettings.self)
        }
        #expect(error.environmentNames == ["DATABASE_HOST", "INTAKE_BATCH_SIZE", "INTAKE_PLACES_FILE"])

        environment["DATABASE_HOST"] = "db"
        environment["INTAKE_BATCH_SIZE"] = "250"
        environment["INTAKE_PLACES_FILE"] = "/etc/gridloop/places.csv"
        let (_, extra) = try ServiceConfiguration.load(service: "intake", source: .environment(environment), extra: IntakeTestSettings.self)
        #expect(extra.placesFile == "/etc/gridloop/places.csv")
        #expect(extra.batchSize == 250)
    }

    @Test func everySettingIsDocumented() throws {
        let docs = RepositoryFiles.root.appendingPathComponent("docs/configuration.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        for setting in ServiceConfiguration.settings + KafkaSettings.settings {
            #expect(text.contains("`\(setting.environmentName)`"), "docs/configuration.md lacks \(setting.environmentName)")
        }
        #expect(text.contains("`KAFKA_PROPERTY_<NAME>`"))
        #expect(text.contains("`KAFKA_CONSUMER_PROPERTY_<NAME>`"))
    }
}
