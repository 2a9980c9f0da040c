public import Logging
public import PostgresNIO

/// What the scaffold hands a ``GridService`` when building it.
public struct ServiceResources<Settings: ServiceSettings>: Sendable {
    /// The common configuration.
    public let configuration: ServiceConfiguration
    /// The service's own settings.
    public let settings: Settings
    /// The connection pool (running once the service group starts; queries before then wait).
    public let postgres: PostgresClient
    /// The service's logger (`service` is in every line).
    public let logger: Logger
    /// The metrics registry and factory (pass ``ServiceMetrics/factory`` to metric types).
    public let metrics: ServiceMetrics

    /// Creates resources (the scaffold does this).
    public init(configuration: ServiceConfiguration, settings: Settings, postgres: PostgresClient, logger: Logger, metrics: ServiceMetrics) {
        self.configuration = configuration
        self.settings = settings
        self.postgres = postgres
        self.logger = logger
        self.metrics = metrics
    }
}
