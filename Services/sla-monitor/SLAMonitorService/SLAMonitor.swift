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
/// routes, the lifecycle consumer (group = the service name), the deadline timer, and the producer
/// with the outbox relay (`ServiceMessaging`). See `docs/services/sla-monitor.md`.
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
    /// The producer, the outbox relay and the broker check.
    let messaging: ServiceMessaging
    /// The Kafka consumer and the `EventConsumer` of the lifecycle topic.
    let lifecycleConsumers: [any Service]

    /// Loads the city's deadline data and creates the Kafka clients.
    /// - Throws: ``SLAMonitorStartupError`` for a bad or missing city file; `ServiceMessagingError` when
    ///   `KAFKA_BROKERS` is not set.
    public init(resources: ServiceResources<SLAMonitorSettings>) async throws {
        settings = resources.settings
        postgres = resources.postgres
        logger = resources.logger
        schema = try PostgresIdentifier(resources.configuration.database.schema)
        metrics = SLAMetrics(factory: resources.metrics.factory)
        reference = try DeadlineReference.load(
            cityDirectory: resources.configuration.cityDirectory, settings: resources.settings, logger: resources.logger)
        let outbox = Outbox(schema: schema)
        let channel = Self.timerChannel(schema: schema)
        timer = DeadlineTimer(
            client: postgres, outbox: outbox, reference: reference, metrics: metrics,
            configuration: .init(
                batchSize: settings.timerBatchSize, maximumSleep: settings.timerMaxSleep, roundDeadline: settings.timerRoundDeadline),
            channel: channel, logger: logger, now: { Date() })
        messaging = try ServiceMessaging(resources: resources, outbox: outbox)
        let lifecycle = LifecycleConsumer(
            applier: LifecycleApplier(
                book: ClockBook(reference: reference), store: CaseClockStore(channel: channel), metrics: metrics,
                wakeHorizon: settings.timerMaxSleep, logger: logger),
            now: { Date() })
        lifecycleConsumers = try messaging.consume(
            group: resources.configuration.serviceName, topics: [ContractTopic.caseLifecycle],
            maxBatchSize: settings.consumerBatchSize
        ) { events, transaction in
            try await lifecycle.handle(events, in: transaction)
        }
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

    /// The producer, then the outbox relay (cards and dead letters go out through them).
    public var producers: [any Service] { messaging.producers }

    /// The lifecycle consumer and the deadline timer.
    public var consumers: [any Service] { lifecycleConsumers + [timer] }

    /// `broker`: Kafka answers a metadata request.
    public var readinessChecks: [ReadinessCheck] { [messaging.brokerReadiness] }
}
