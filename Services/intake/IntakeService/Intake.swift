public import GridRuntime
import GridDomain
import Hummingbird
public import Logging
public import PostgresNIO
public import ServiceLifecycle

/// The `intake` service (the supervision centre): reports in, cases filed, checks and closing.
/// Wiring only: the city, the migrations and grid load, the routes, the outbox relay and the consumers.
/// See `docs/services/intake.md`.
public struct Intake: GridService {
    /// The service name used in logs, metrics and configuration.
    public static let name = "intake"

    let settings: IntakeSettings
    let city: IntakeCity
    let desk: IntakeDesk
    let schema: PostgresIdentifier
    let messaging: ServiceMessaging
    let logger: Logger
    /// The Kafka producer and the outbox relay.
    public let producers: [any Service]
    /// The inbound (work orders, alerts) and lifecycle consumers.
    public let consumers: [any Service]

    /// Loads the city and builds the desk and the Kafka clients; starts no work.
    /// - Throws: ``IntakeStartupError`` when the city directory is missing or a city file is invalid;
    ///   `ServiceMessagingError` when `KAFKA_BROKERS` is not set; GridKafka's error when a Kafka client
    ///   cannot be created.
    public init(resources: ServiceResources<IntakeSettings>) async throws {
        guard let directory = resources.configuration.cityDirectory else {
            throw IntakeStartupError(
                code: .cityDirectoryMissing, message: "set GRIDLOOP_CITY_DIR to the city's data directory (e.g. deploy/sample-city)")
        }
        let city = try IntakeCity.load(directory: directory)
        let schema: PostgresIdentifier
        do {
            schema = try PostgresIdentifier(resources.configuration.database.schema)
        } catch {
            throw IntakeStartupError(code: .invalidConfiguration, message: "DATABASE_SCHEMA: \(error)")
        }
        let settings = resources.settings
        let lifecycle = city.lifecycle
        let catalog = city.reference.catalog
        self.settings = settings
        self.city = city
        self.schema = schema
        self.logger = resources.logger
        let desk = IntakeDesk(
            client: resources.postgres, outbox: Outbox(schema: schema),
            workflow: CaseWorkflow(
                lifecycle: lifecycle, policy: FilingPolicy(lifecycle: lifecycle, catalog: catalog), autoClose: settings.autoClose),
            locator: Locator(places: city.reference.places),
            numbering: CaseNumbering(timeZone: settings.timeZone, cityCode: city.reference.places.city.code.digits),
            metrics: IntakeMetrics(factory: resources.metrics.factory), logger: resources.logger)
        self.desk = desk
        let messaging = try ServiceMessaging(resources: resources, outbox: desk.outbox)
        self.messaging = messaging
        self.producers = messaging.producers
        self.consumers = try desk.consumers(on: messaging, group: settings.consumerGroup, catalog: catalog)
    }

    /// Applies the platform and intake migrations, then loads the city's grids into PostGIS (skipped
    /// when unchanged).
    public func migrate(client: PostgresClient, logger: Logger) async throws {
        try await MigrationRunner(configuration: .init(schema: schema), logger: logger).run(IntakeMigrations.set, on: client)
        _ = try await GridLoader(batchSize: settings.gridBatchSize, logger: logger)
            .load(city.reference.places, fingerprintSource: city.gridFingerprintSource, client: client)
    }

    /// The `/v1` routes.
    public func addRoutes(to router: Router<GridRequestContext>) {
        IntakeRoutes(desk: desk, catalog: city.reference.catalog, pageSizeLimit: settings.pageSizeLimit).add(to: router)
    }

    /// `broker`: the Kafka metadata request.
    public var readinessChecks: [ReadinessCheck] { [messaging.brokerReadiness] }
}
