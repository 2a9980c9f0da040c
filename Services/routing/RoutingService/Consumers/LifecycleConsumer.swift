import GridDomain
import GridRuntime
import Logging
import ServiceLifecycle

/// Routing's consumer of `gridloop.case.lifecycle`: a member of the group `ROUTING_CONSUMER_GROUP`
/// wired through the runtime's `ServiceMessaging` (inbox, dead letters, offsets committed after the
/// transaction), handing each transaction's new events to ``LifecycleHandler`` as one batch.
enum LifecycleConsumer {
    /// The Kafka consumer and its `EventConsumer`, in start order.
    static func services(
        messaging: ServiceMessaging, settings: RoutingSettings, handler: LifecycleHandler, metrics: RoutingMetrics,
        logger: Logger
    ) throws -> [any Service] {
        try messaging.consume(
            group: settings.consumerGroup, topics: [ContractTopic.caseLifecycle], maxBatchSize: settings.consumerBatchSize
        ) { consumed, transaction in
            // The whole batch in one load and one save per table; after a permanent failure the runtime
            // calls again one event at a time, so only the bad event is dead-lettered.
            let clock = ContinuousClock()
            let started = clock.now
            let outcomes = try await handler.handle(try consumed.map { try $0.requireEvent() }, in: transaction, logger: logger)
            // Counted when the handler is done: a transaction that then fails to commit is retried and
            // counted again (rare; the counters may run slightly ahead, never behind).
            metrics.record(outcomes)
            metrics.recordBatch(size: consumed.count, duration: clock.now - started)
        }
    }
}
