import GridDomain
import GridRuntime

extension IntakeDesk {
    /// The handler of the inbound consumer: work orders and sensing alerts (in order) become cases in
    /// the consumer's transaction. Takes the whole batch, so a batch costs one statement per table.
    /// - Throws: The first message's refusal (permanent: the consumer retries the batch one message at
    ///   a time and dead-letters the refused one).
    func handleInbound(_ consumed: [ConsumedEvent], catalog: CategoryCatalog, in transaction: OutboxTransaction) async throws {
        let started = ContinuousClock.now
        try await openInbound(consumed.map { InboundReport.decode($0.message, catalog: catalog) }, in: transaction)
        metrics.batch(consumer: "inbound", duration: ContinuousClock.now - started)
    }

    /// The handler of the lifecycle consumer: events (in order) advance replicas and timelines.
    ///
    /// Intake's own events come back from the topic after the transaction that produced them recorded
    /// them (replica and timeline); those are recognised by id and skipped without being decoded. Only
    /// an own event the timeline lacks (a database restored from an older backup) is applied like any other.
    /// - Throws: `ContractValidationError` / `CaseReplayError` (permanent) for an event that cannot be applied.
    func handleLifecycle(_ consumed: [ConsumedEvent], in transaction: OutboxTransaction) async throws {
        let started = ContinuousClock.now
        let events = try consumed.map { try $0.requireEvent() }
        let ownIDs = events.filter { $0.source == ContractSource.intake }.map(\.id)
        let recorded = try await timeline.recorded(ownIDs, from: ContractSource.intake, on: transaction.connection, logger: logger)
        let messages = try events.filter { $0.source != ContractSource.intake || !recorded.contains($0.id) }.map { try LifecycleMessage($0) }
        if !recorded.isEmpty { metrics.lifecycleEvent("own", count: recorded.count) }
        if !messages.isEmpty { try await apply(messages, in: transaction, at: Timestamps.now()) }
        metrics.batch(consumer: "lifecycle", duration: ContinuousClock.now - started)
    }
}
