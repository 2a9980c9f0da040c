public import Logging
public import ServiceLifecycle

/// Runs `service` while `body` runs, then cancels it and waits for it to stop.
public func whileRunning<Result: Sendable>(_ service: some Service, _ body: () async throws -> Result) async throws -> Result {
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await service.run() }
        defer { group.cancelAll() }
        return try await body()
    }
}

/// Runs `services` in a ServiceGroup (no signal handlers) while `body` runs, then shuts them down
/// gracefully, in reverse order, and waits for them. When `body` throws, the services are cancelled
/// and the error is rethrown.
///
/// - Parameter maximumGracefulShutdownDuration: how long the shutdown may take before the services are
///   cancelled; `nil` (the default) waits for them.
public func withServiceGroup<Result: Sendable>(
    _ services: [any Service],
    logger: Logger,
    maximumGracefulShutdownDuration: Duration? = nil,
    _ body: () async throws -> Result
) async throws -> Result {
    var configuration = ServiceGroupConfiguration(
        services: services.map { .init(service: $0) }, gracefulShutdownSignals: [], logger: logger)
    configuration.maximumGracefulShutdownDuration = maximumGracefulShutdownDuration
    let group = ServiceGroup(configuration: configuration)
    return try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask { try await group.run() }
        do {
            let result = try await body()
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return result
        } catch {
            tasks.cancelAll()
            throw error
        }
    }
}
