public import Hummingbird
public import Logging
public import PostgresNIO
public import ServiceLifecycle

/// What a GridLoop service plugs into the common scaffold. `main.swift` is then one line:
///
/// ```swift
/// await ServiceRunner.main(IntakeService.self)
/// ```
///
/// The scaffold loads configuration, bootstraps logs and metrics, creates the `PostgresClient`,
/// runs ``migrate(client:logger:)`` before readiness turns green and before ``producers`` and
/// ``consumers`` start, prunes the schema's inbox on a schedule (``prunesInbox``), serves the common
/// routes plus ``addRoutes(to:)``, and shuts down in order on SIGTERM/SIGINT: HTTP, then consumers,
/// then producers, then the inbox pruner, then the pool.
public protocol GridService: Sendable {
    /// The service's own configuration keys (``NoServiceSettings`` when none).
    associatedtype Settings: ServiceSettings = NoServiceSettings

    /// The service name: `intake`, `routing`, `sla-monitor`, `notification`, `assessment`.
    static var name: String { get }

    /// Whether the service needs Kafka (reads `KAFKA_*`). Default `true`.
    static var usesKafka: Bool { get }

    /// Whether the scaffold runs an ``InboxPruner`` on the service schema's `inbox` table (created by
    /// the platform migrations). Default: ``usesKafka`` (only Kafka consumers fill the inbox).
    static var prunesInbox: Bool { get }

    /// Builds the service from the scaffold's resources. Do not start work here; work starts in the
    /// `run()` of the services returned by ``producers`` and ``consumers``.
    init(resources: ServiceResources<Settings>) async throws

    /// Applies the service's schema migrations (the PostgreSQL plumbing's migration runner).
    /// Throwing stops the process: a changed applied migration is a startup error. Default: none.
    func migrate(client: PostgresClient, logger: Logger) async throws

    /// Adds the service's HTTP routes. They run after ``JWTAuthenticator``, so handlers can call
    /// `context.requirePrincipal()` or use an ``AuthenticatedContext`` group. Default: none.
    func addRoutes(to router: Router<GridRequestContext>)

    /// Event publishing: the outbox relay and the Kafka producer. Started after migrations; on
    /// shutdown they stop after the consumers, so the relay and producer flush last. Default: none.
    var producers: [any Service] { get }

    /// Event consumers. Started after migrations; on shutdown they stop right after HTTP, finishing
    /// and committing the batch in flight. Default: none.
    var consumers: [any Service] { get }

    /// Extra readiness checks, e.g. `.broker { try await admin.metadata() }`. The scaffold already
    /// checks the database and the migrations. Default: none.
    var readinessChecks: [ReadinessCheck] { get }
}

extension GridService {
    /// Kafka is used by default.
    public static var usesKafka: Bool { true }
    /// The inbox is pruned when the service consumes Kafka.
    public static var prunesInbox: Bool { usesKafka }
    /// No migrations.
    public func migrate(client: PostgresClient, logger: Logger) async throws {}
    /// No routes.
    public func addRoutes(to router: Router<GridRequestContext>) {}
    /// No producers.
    public var producers: [any Service] { [] }
    /// No consumers.
    public var consumers: [any Service] { [] }
    /// No extra checks.
    public var readinessChecks: [ReadinessCheck] { [] }
}
