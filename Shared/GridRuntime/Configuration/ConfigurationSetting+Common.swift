/// The settings every GridLoop service reads. Documented in `docs/configuration.md`.
extension ConfigurationSetting {
    /// `SERVICE_NAME`: the name written in every log line.
    public static let serviceName = Self(
        key: "service.name", expected: "a name of letters, digits, '-' and '_'", default: "the executable's service name",
        summary: "Name written as `service` in every log line; also the default schema and Kafka client id.")
    /// `GRIDLOOP_CITY_DIR`: the city's data files.
    public static let cityDirectory = Self(
        key: "gridloop.cityDir", expected: "an existing directory", default: "none",
        summary: "Directory with the city's data files (places, catalog, calendar, responsibility list); services that load city data require it.")

    /// `HTTP_HOST`: the address the HTTP server binds to.
    public static let httpHost = Self(
        key: "http.host", expected: "a host name or IP address", default: "0.0.0.0",
        summary: "Address the HTTP server binds to.")
    /// `HTTP_PORT`: the HTTP port (0 picks a free port, for tests).
    public static let httpPort = Self(
        key: "http.port", expected: "an integer 0…65535", default: "8080",
        summary: "Port of the HTTP API, /metrics and /health/*.")

    /// `DATABASE_HOST`: the PostgreSQL server.
    public static let databaseHost = Self(
        key: "database.host", expected: "a host name or IP address", default: nil,
        summary: "PostgreSQL server host.")
    /// `DATABASE_PORT`: the PostgreSQL port.
    public static let databasePort = Self(
        key: "database.port", expected: "an integer 1…65535", default: "5432",
        summary: "PostgreSQL server port.")
    /// `DATABASE_NAME`: the database.
    public static let databaseName = Self(
        key: "database.name", expected: "a database name", default: nil,
        summary: "Database to connect to.")
    /// `DATABASE_USER`: the service's own login role (least privilege: owns only its schema).
    public static let databaseUser = Self(
        key: "database.user", expected: "a PostgreSQL role name", default: nil,
        summary: "The service's own login role; it should own only the service's schema.")
    /// `DATABASE_PASSWORD`: the role's password (secret).
    public static let databasePassword = Self(
        key: "database.password", expected: "a password", default: "none (trust or peer authentication)", isSecret: true,
        summary: "Password of DATABASE_USER. Secret: never logged.")
    /// `DATABASE_SCHEMA`: the schema that holds the service's tables.
    public static let databaseSchema = Self(
        key: "database.schema", expected: "a lower-case SQL identifier ([a-z_][a-z0-9_]*, at most 63 characters)",
        default: "the service name with '-' replaced by '_' (e.g. sla_monitor)",
        summary: "Schema holding the service's tables, migrations, outbox and inbox; first on the search_path.")
    /// `DATABASE_TLS`: TLS mode towards PostgreSQL.
    public static let databaseTLS = Self(
        key: "database.tls", expected: "disable, prefer or require", default: "prefer",
        summary: "TLS towards PostgreSQL; `require` verifies the server certificate against the system trust roots.")
    /// `DATABASE_MAX_CONNECTIONS`: the pool size.
    public static let databaseMaxConnections = Self(
        key: "database.maxConnections", expected: "an integer 1…1000", default: "20",
        summary: "Maximum connections in the pool.")

    /// `LOG_LEVEL`: the minimum level logged.
    public static let logLevel = Self(
        key: "log.level", expected: "trace, debug, info, notice, warning, error or critical", default: "info",
        summary: "Minimum log level.")
    /// `LOG_FORMAT`: JSON lines for production, text for development.
    public static let logFormat = Self(
        key: "log.format", expected: "json or text", default: "json",
        summary: "`json`: one JSON object per line on stdout; `text`: human-readable lines.")

    /// `AUTH_JWT_SECRET`: HS256 shared secret (development and tests).
    public static let authJWTSecret = Self(
        key: "auth.jwt.secret", expected: "at least 32 characters (HS256), or set AUTH_JWT_PUBLIC_KEY_PEM instead",
        default: nil, isSecret: true,
        summary: "HS256 shared secret for development and tests. Exactly one of this and AUTH_JWT_PUBLIC_KEY_PEM.")
    /// `AUTH_JWT_PUBLIC_KEY_PEM`: RS256/ES256 public key (production).
    public static let authJWTPublicKeyPEM = Self(
        key: "auth.jwt.publicKeyPem",
        expected: "a PEM public key: RSA ≥ 2048 bits (RS256) or P-256 (ES256); literal \\n is read as a newline",
        default: nil,
        summary: "Public key of the identity provider for production. Exactly one of this and AUTH_JWT_SECRET.")
    /// `AUTH_ISSUER`: the expected `iss` claim.
    public static let authIssuer = Self(
        key: "auth.issuer", expected: "a string", default: "gridloop",
        summary: "Expected `iss` claim of bearer tokens.")
    /// `AUTH_AUDIENCE`: the expected `aud` claim.
    public static let authAudience = Self(
        key: "auth.audience", expected: "a string", default: "gridloop",
        summary: "Expected `aud` claim of bearer tokens.")

    /// `METRICS_ENABLED`: whether `/metrics` is served.
    public static let metricsEnabled = Self(
        key: "metrics.enabled", expected: "true or false", default: "true",
        summary: "Serve Prometheus metrics at /metrics.")
    /// `HEALTH_CHECK_TIMEOUT_SECONDS`: time limit of each readiness check.
    public static let healthCheckTimeout = Self(
        key: "health.checkTimeoutSeconds", expected: "seconds, at least 0.1", default: "2",
        summary: "Time limit of each readiness check; a check that takes longer is reported as failed.")
    /// `INBOX_RETENTION_SECONDS`: how long processed events' inbox records are kept.
    public static let inboxRetention = Self(
        key: "inbox.retentionSeconds", expected: "seconds, at least 86400 (1 day), longer than the topics' retention",
        default: "1209600 (14 days)",
        summary: "How long a consumed event's inbox record is kept; must exceed the retention of the topics the service consumes (7 days in deploy/topics.conf).")
    /// `INBOX_PRUNE_INTERVAL_SECONDS`: time between two inbox pruning runs.
    public static let inboxPruneInterval = Self(
        key: "inbox.pruneIntervalSeconds", expected: "seconds, at least 1", default: "3600 (1 hour)",
        summary: "Time between two runs of the inbox pruner (the first runs a minute after start).")
    /// `SHUTDOWN_GRACE_SECONDS`: bound on graceful shutdown.
    public static let shutdownGrace = Self(
        key: "shutdown.graceSeconds", expected: "seconds, at least 1", default: "30",
        summary: "After SIGTERM/SIGINT, how long in-flight work may take before the process is cancelled.")
}
