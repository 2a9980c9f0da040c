import Foundation
import GridDomain
public import GridRuntime
public import Hummingbird
public import Logging
public import PostgresNIO
public import ServiceLifecycle

/// The `sla-monitor` service: keeps every case's stage clocks from the lifecycle events, issues yellow
/// and red cards (红黄牌督办) when deadlines approach and pass, and answers what is due and overdue.
///
/// Wiring only: the city's deadline data (``DeadlineReference``), the schema's migrations, the HTTP
/// routes, the lifecycle consumer, the deadline timer and the outbox relay. See
/// `docs/services/sla-monitor.md`.
public struct SLAMonitor: GridService {
    /// The service name used in logs, metrics and configuration.
    public static let name = "sla-monitor"

    /// The city's policy, calendar and units.
    public let reference: DeadlineReference
    let settings: SLAMonitorSettings
    let postgres: PostgresClient
    let schema: PostgresIdentifier
    let logger: Logger
    let metrics: SLAMetrics
    /// The card timer (a consumer of due clocks).
    let timer: DeadlineTimer

    /// Loads the city's deadline data; a bad or missing file stops the start with ``SLAMonitorStartupError``.
    public init(resources: ServiceResources<SLAMonitorSettings>) async throws {
        settings = resources.settings
        postgres = resources.postgres
        logger = resources.logger
        schema = try PostgresIdentifier(resources.configuration.database.schema)
        metrics = SLAMetrics(factory: resources.metrics.factory)
        reference = try DeadlineReference.load(
            cityDirectory: resources.configuration.cityDirectory, settings: resources.settings, logger: resources.logger)
        timer = DeadlineTimer(
            client: postgres, outbox: Outbox(schema: schema), reference: reference, metrics: metrics,
            configuration: .init(batchSize: settings.timerBatchSize, maximumSleep: settings.timerMaxSleep),
            channel: Self.timerChannel(schema: schema), logger: logger, now: { Date() })
        logger.info(
            "deadline policy and working calendar loaded",
            metadata: [
                "policy.rules": "\(reference.policy.rules.count)",
                "calendar.years": "\(reference.calendar.supportedYears.lowerBound)-\(reference.calendar.supportedYears.upperBound)",
            ])
    }

    /// The `NOTIFY` channel that wakes the timer: `sla_clocks_<schema>` (at most 63 bytes).
    static func timerChannel(schema: PostgresIdentifier) -> String { "sla_clocks_" + String(schema.name.prefix(52)) }

    /// Applies GridRuntime's platform migrations and ``migrations``.
    public func migrate(client: PostgresClient, logger: Logger) async throws {
        try await MigrationRunner(configuration: .init(schema: schema), logger: logger).run(Self.migrations, on: client)
    }

    /// `GET /v1/cases/{id}/clocks` and `GET /v1/overdue`.
    public func addRoutes(to router: Router<GridRequestContext>) {
        ClockRoutes(queries: ClockQueries(), client: postgres, reference: reference, logger: logger, now: { Date() }).add(to: router)
    }

    /// The deadline timer.
    public var consumers: [any Service] { [timer] }
}
