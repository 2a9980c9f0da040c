public import GridRuntime

/// The handler the lifecycle consumer runs inside the inbox's transaction: records one consumed
/// CloudEvent of `gridloop.case.lifecycle` with the ``LifecycleFactProjector``.
///
/// The shared `Inbox` calls its handler once per message (inside one transaction per batch), so each
/// call records one event; the projector itself takes whole batches when the plumbing hands them over.
public struct LifecycleFactsHandler: Sendable {
    /// The projector.
    public let projector: LifecycleFactProjector

    /// A handler recording with `projector`.
    public init(projector: LifecycleFactProjector) {
        self.projector = projector
    }

    /// Records `event` in `transaction`.
    /// - Throws: ``InvalidLifecycleEvent`` (permanent: dead-lettered) or a database error.
    public func handle(_ event: CloudEvent, in transaction: OutboxTransaction) async throws {
        try await projector.project([LifecycleMessage(event)], on: transaction.connection)
    }
}
