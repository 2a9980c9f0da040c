public import GridRuntime

/// The handler the lifecycle consumer runs inside the inbox's transaction: records the new consumed
/// CloudEvents of `gridloop.case.lifecycle` of one batch with the ``LifecycleFactProjector``, in a
/// constant number of statements.
///
/// Wired as the `EventConsumer`'s batch handler: it gets all new events of a transaction at once, in
/// order; when a batch fails permanently the plumbing calls it again with one event at a time, so only
/// the invalid event is dead-lettered.
public struct LifecycleFactsHandler: Sendable {
    /// The projector.
    public let projector: LifecycleFactProjector

    /// A handler recording with `projector`.
    public init(projector: LifecycleFactProjector) {
        self.projector = projector
    }

    /// Records `events` (in order) in `transaction`.
    /// - Throws: ``InvalidLifecycleEvent`` (permanent: the batch is retried event by event and the
    ///   invalid one dead-lettered) or a database error.
    public func handle(_ events: [CloudEvent], in transaction: OutboxTransaction) async throws {
        try await projector.project(events.map(LifecycleMessage.init), on: transaction.connection)
    }

    /// Records the CloudEvents of `consumed` in `transaction`.
    /// - Throws: `EventRejection` for a record that is not a CloudEvent; otherwise as for an array
    ///   of CloudEvents.
    public func handle(_ consumed: [ConsumedEvent], in transaction: OutboxTransaction) async throws {
        try await handle(consumed.map { try $0.requireEvent() }, in: transaction)
    }
}
