import Logging
import PostgresNIO
import ServiceLifecycle

/// The service that runs the migrations once the pool is up, then marks readiness and opens the
/// gate for producers and consumers, and stays until shutdown (a `ServiceGroup` member must not
/// return early). A migration failure ends the process.
struct MigrationStep: Service, CustomStringConvertible {
    let migrate: @Sendable (PostgresClient, Logger) async throws -> Void
    let client: PostgresClient
    let logger: Logger
    let applied: ReadinessFlag
    let gate: StartupGate

    var description: String { "MigrationStep" }

    func run() async throws {
        logger.info("applying migrations")
        do {
            try await migrate(client, logger)
        } catch {
            logger.critical("migrations failed; stopping", metadata: ["error": .string(String(reflecting: error))])
            throw error
        }
        applied.set()
        gate.open()
        logger.info("migrations applied")
        try? await gracefulShutdown()
    }
}

/// Runs `service` only after the startup gate opens; returns without running it when shutdown
/// starts first.
struct AfterStartup: Service, CustomStringConvertible {
    let service: any Service
    let gate: StartupGate

    var description: String { "\(service)" }

    func run() async throws {
        let opened = await cancelWhenGracefulShutdown { await gate.wait() }
        guard opened == true, !Task.isCancelled else { return }
        try await service.run()
    }
}
