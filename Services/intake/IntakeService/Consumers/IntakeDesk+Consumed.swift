import GridDomain
import GridRuntime

extension IntakeDesk {
    /// The handler of the inbound consumer: work orders and sensing alerts (in order) become cases in
    /// the consumer's transaction. Takes a batch, so a batch-handing consumer costs one statement per
    /// table for all of it.
    /// - Throws: The first message's refusal (permanent: the consumer isolates and dead-letters it).
    func handleInbound(_ consumed: [ConsumedEvent], catalog: CategoryCatalog, in transaction: OutboxTransaction) async throws {
        try await openInbound(consumed.map { InboundReport.decode($0.message, catalog: catalog) }, in: transaction)
    }

    /// The handler of the lifecycle consumer: events (in order) advance replicas and timelines.
    /// - Throws: `ContractValidationError` / `CaseReplayError` (permanent) for an event that cannot be applied.
    func handleLifecycle(_ consumed: [ConsumedEvent], in transaction: OutboxTransaction) async throws {
        let messages = try consumed.map { try LifecycleMessage($0.requireEvent()) }
        try await apply(messages, in: transaction, at: Timestamps.now())
    }
}
