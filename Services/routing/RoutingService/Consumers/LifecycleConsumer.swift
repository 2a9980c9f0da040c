import GridDomain
import GridKafka
import GridRuntime
import Logging
import PostgresNIO
import ServiceLifecycle

/// The services that consume `gridloop.case.lifecycle` for routing: the Kafka consumer-group member
/// and the runtime's `EventConsumer` (inbox, dead letters, commit after the transaction) calling
/// ``LifecycleHandler``.
enum LifecycleConsumer {
    /// The consumer services, in start order (the `EventConsumer` after its Kafka consumer, so it stops first).
    static func services(
        kafka: KafkaConfiguration, settings: RoutingSettings, handler: LifecycleHandler, deadLetters: any MessagePublisher,
        client: PostgresClient, outbox: Outbox, metrics: RoutingMetrics, logger: Logger
    ) throws -> [any Service] {
        let consumer = try KafkaConsumer(
            configuration: KafkaConsumer.Configuration(
                kafka: kafka, groupID: settings.consumerGroup, topics: [ContractTopic.caseLifecycle],
                maxBatchSize: settings.consumerBatchSize,
                // librdkafka requires max.poll.interval.ms ≥ session.timeout.ms; GridKafka's defaults
                // (45 s session, 10 s poll interval) violate it, so the session timeout follows the interval.
                sessionTimeout: .seconds(10), maxPollInterval: .seconds(10)),
            logger: logger)
        let events = EventConsumer(
            consumer: consumer, deadLetters: deadLetters, client: client, outbox: outbox,
            configuration: EventConsumer.Configuration(name: settings.consumerGroup), logger: logger
        ) { consumed, transaction in
            // The runtime hands events one at a time (in one transaction per batch); the handler takes
            // batches, so a batch hook in EventConsumer would save a load and a save per event.
            let outcomes = try await handler.handle([try consumed.requireEvent()], in: transaction, logger: logger)
            metrics.record(outcomes)
        }
        return [consumer, events]
    }
}
