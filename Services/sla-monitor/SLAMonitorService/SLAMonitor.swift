import Foundation
import GridDomain
public import GridRuntime
public import Hummingbird
import Logging
import PostgresNIO

/// The `sla-monitor` service: keeps every case's stage clocks from the lifecycle events, issues yellow
/// and red cards (红黄牌督办) when deadlines approach and pass, and answers what is due and overdue.
///
/// Wiring only: the city's deadline data (``DeadlineReference``), the schema's migrations, the HTTP
/// routes, the lifecycle consumer, the timer and the outbox relay.
public struct SLAMonitor: GridService {
    /// The service name used in logs, metrics and configuration.
    public static let name = "sla-monitor"

    /// The city's policy, calendar and units.
    public let reference: DeadlineReference
    let settings: SLAMonitorSettings
    let postgres: PostgresClient
    let logger: Logger
    let metrics: SLAMetrics

    /// Loads the city's deadline data; a bad or missing file stops the start with ``SLAMonitorStartupError``.
    public init(resources: ServiceResources<SLAMonitorSettings>) async throws {
        settings = resources.settings
        postgres = resources.postgres
        logger = resources.logger
        metrics = SLAMetrics(factory: resources.metrics.factory)
        reference = try DeadlineReference.load(
            cityDirectory: resources.configuration.cityDirectory, settings: resources.settings, logger: resources.logger)
        logger.info(
            "deadline policy and working calendar loaded",
            metadata: [
                "policy.rules": "\(reference.policy.rules.count)",
                "calendar.years": "\(reference.calendar.supportedYears.lowerBound)-\(reference.calendar.supportedYears.upperBound)",
            ])
    }

    /// `GET /v1/cases/{id}/clocks` and `GET /v1/overdue`.
    public func addRoutes(to router: Router<GridRequestContext>) {
        ClockRoutes(queries: ClockQueries(), client: postgres, reference: reference, logger: logger, now: { Date() }).add(to: router)
    }
}
