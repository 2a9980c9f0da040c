import Foundation
public import GridDomain
public import GridRuntime
public import Logging
public import PostgresNIO

/// Changes one case on request (a unit signing for, a dispatcher dispatching…): loads and locks its
/// replica, lets the caller take steps on a ``RoutingWorkspace``, settles what follows (a re-dispatch
/// after a return), and saves the rows and the events in one outbox transaction.
public struct RoutingCommands: Sendable {
    let client: PostgresClient
    let outbox: Outbox
    let store: RoutingStore
    let lifecycle: CaseLifecycle
    let dispatcher: Dispatcher
    let metrics: RoutingMetrics
    let clock: @Sendable () -> Date

    /// Creates the commands.
    /// - Parameter clock: The current time (tests pin it); default: now, to the millisecond.
    public init(
        client: PostgresClient, outbox: Outbox, store: RoutingStore = RoutingStore(), lifecycle: CaseLifecycle,
        dispatcher: Dispatcher, metrics: RoutingMetrics, clock: @escaping @Sendable () -> Date = RoutingClock.now
    ) {
        self.client = client
        self.outbox = outbox
        self.store = store
        self.lifecycle = lifecycle
        self.dispatcher = dispatcher
        self.metrics = metrics
        self.clock = clock
    }

    /// What a command's body may use besides the workspace.
    public struct Environment: Sendable {
        /// The current time (to the millisecond).
        public let now: Date
        /// The transaction's connection, for extra reads.
        public let connection: PostgresConnection
    }

    /// Runs `body` on case `id` in one transaction. `body` gets the workspace, the locked replica and
    /// the environment; throwing rolls everything back.
    /// - Throws: ``APIError`` 404 when routing does not know the case; what `body` throws.
    public func change<Result: Sendable>(
        _ id: CaseID, logger: Logger,
        _ body: @Sendable (inout RoutingWorkspace, CaseReplica, Environment) async throws -> Result
    ) async throws -> (result: Result, workspace: RoutingWorkspace) {
        let outcome = try await outbox.withTransaction(on: client, logger: logger) { transaction in
            let loaded = try await store.load([id], on: transaction.connection, logger: logger)
            guard let replica = loaded.first else {
                throw APIError.notFound("case \(id) is unknown to routing (not filed yet, or not yet received)", code: "case_not_found")
            }
            var workspace = RoutingWorkspace(lifecycle: lifecycle, dispatcher: dispatcher, loaded: loaded)
            let now = clock()
            let result = try await body(&workspace, replica, Environment(now: now, connection: transaction.connection))
            workspace.settle(now: now)
            try await store.save(workspace, on: transaction.connection, logger: logger)
            try RoutingEvents.enqueue(workspace.outgoing, into: transaction)
            return (result, workspace)
        }
        metrics.record(outcome.1.outcomes)
        return outcome
    }
}

/// Routing's notion of now: the current time to the whole millisecond, as events carry it.
public enum RoutingClock {
    /// Now, truncated to the millisecond.
    @Sendable public static func now() -> Date {
        Date(timeIntervalSince1970: (Date().timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }
}
