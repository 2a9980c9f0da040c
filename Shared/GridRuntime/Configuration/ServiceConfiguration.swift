public import Logging

/// The configuration every GridLoop service shares, loaded from the environment at startup.
///
/// Load it with ``load(service:usesKafka:source:extra:)``; every key, its type and default is in
/// `docs/configuration.md`. Services add their own keys through ``ServiceSettings``.
public struct ServiceConfiguration: Sendable {
    /// HTTP server settings.
    public struct HTTP: Sendable, Hashable {
        /// Bind address. Default `0.0.0.0`.
        public var host: String
        /// Port. Default `8080`; `0` picks a free port.
        public var port: Int
        /// Creates HTTP settings.
        public init(host: String = "0.0.0.0", port: Int = 8080) {
            self.host = host
            self.port = port
        }
    }

    /// How to reach PostgreSQL.
    public struct Database: Sendable, Hashable {
        /// TLS mode towards PostgreSQL.
        public enum TLSMode: String, Sendable, Hashable, CaseIterable {
            /// Plain TCP.
            case disable
            /// TLS when the server offers it, without certificate verification failures being fatal.
            case prefer
            /// TLS required, server certificate verified.
            case require
        }
        /// Server host.
        public var host: String
        /// Server port. Default `5432`.
        public var port: Int
        /// Database name.
        public var name: String
        /// Login role.
        public var user: String
        /// Password, if any. Secret.
        public var password: String?
        /// The service's schema; first on the `search_path`.
        public var schema: String
        /// TLS mode. Default `.prefer`.
        public var tls: TLSMode
        /// Pool size. Default `20`.
        public var maxConnections: Int

        /// Creates database settings.
        public init(
            host: String, port: Int = 5432, name: String, user: String, password: String? = nil,
            schema: String, tls: TLSMode = .prefer, maxConnections: Int = 20
        ) {
            self.host = host
            self.port = port
            self.name = name
            self.user = user
            self.password = password
            self.schema = schema
            self.tls = tls
            self.maxConnections = maxConnections
        }
    }

    /// Log output settings.
    public struct Logging: Sendable, Hashable {
        /// Minimum level. Default `.info`.
        public var level: Logger.Level
        /// Output format. Default `.json`.
        public var format: LogFormat
        /// Creates log settings.
        public init(level: Logger.Level = .info, format: LogFormat = .json) {
            self.level = level
            self.format = format
        }
    }

    /// Bearer token verification settings.
    public struct Auth: Sendable, Hashable {
        /// The key that verifies token signatures.
        public var key: TokenKey
        /// Expected `iss`. Default `gridloop`.
        public var issuer: String
        /// Expected `aud`. Default `gridloop`.
        public var audience: String
        /// Creates auth settings.
        public init(key: TokenKey, issuer: String = "gridloop", audience: String = "gridloop") {
            self.key = key
            self.issuer = issuer
            self.audience = audience
        }
    }

    /// Metrics settings.
    public struct Metrics: Sendable, Hashable {
        /// Serve `/metrics`. Default `true`.
        public var enabled: Bool
        /// Creates metrics settings.
        public init(enabled: Bool = true) { self.enabled = enabled }
    }

    /// Health check and shutdown timing.
    public struct Lifecycle: Sendable, Hashable {
        /// Time limit of each readiness check. Default 2 s.
        public var healthCheckTimeout: Duration
        /// Bound on graceful shutdown after SIGTERM/SIGINT. Default 30 s.
        public var shutdownGracePeriod: Duration
        /// Creates lifecycle settings.
        public init(healthCheckTimeout: Duration = .seconds(2), shutdownGracePeriod: Duration = .seconds(30)) {
            self.healthCheckTimeout = healthCheckTimeout
            self.shutdownGracePeriod = shutdownGracePeriod
        }
    }

    /// The service's name (`intake`, `routing`, …; `SERVICE_NAME` overrides it); appears in every log
    /// line as `service`.
    public var serviceName: String
    /// The directory of the city's data files (`GRIDLOOP_CITY_DIR`), if configured.
    public var cityDirectory: String?
    /// HTTP server.
    public var http: HTTP
    /// PostgreSQL.
    public var database: Database
    /// Kafka, when the service uses it (`nil` otherwise).
    public var kafka: KafkaSettings?
    /// Logs.
    public var logging: Logging
    /// Bearer tokens.
    public var auth: Auth
    /// Metrics.
    public var metrics: Metrics
    /// Health checks and shutdown.
    public var lifecycle: Lifecycle
    /// Retention and schedule of the inbox pruner (`INBOX_RETENTION_SECONDS`, `INBOX_PRUNE_INTERVAL_SECONDS`).
    /// Default: 14 days, every hour.
    public var inboxPruning: InboxPruner.Configuration

    /// Creates a configuration from parts (tests); services use ``load(service:usesKafka:source:extra:)``.
    public init(
        serviceName: String, cityDirectory: String? = nil, http: HTTP = HTTP(), database: Database, kafka: KafkaSettings? = nil,
        logging: Logging = Logging(), auth: Auth, metrics: Metrics = Metrics(), lifecycle: Lifecycle = Lifecycle(),
        inboxPruning: InboxPruner.Configuration = InboxPruner.Configuration()
    ) {
        self.serviceName = serviceName
        self.cityDirectory = cityDirectory
        self.http = http
        self.database = database
        self.kafka = kafka
        self.logging = logging
        self.auth = auth
        self.metrics = metrics
        self.lifecycle = lifecycle
        self.inboxPruning = inboxPruning
    }
}

/// The format of log lines.
public enum LogFormat: String, Sendable, Hashable, CaseIterable {
    /// One JSON object per line (production).
    case json
    /// Human-readable text (development).
    case text
}
