import GridDomain
import GridKafka
import GridRuntime
import Logging
import PostgresNIO
import ServiceLifecycle

/// Intake's Kafka side: one idempotent producer (the outbox relay's publisher and the dead-letter
/// publisher), the outbox relay, and two consumer groups, each an `EventConsumer` (inbox, dead
/// letters, commit after the transaction):
///
/// - `<group>-inbound`: `gridloop.hotline.workorders` and `gridloop.sensing.alerts` (raw JSON records;
///   inbox key = order number / alert id) → cases opened;
/// - `<group>-lifecycle`: `gridloop.case.lifecycle` → replicas, timelines, checks opened.
///
/// Two groups so that a backlog of lifecycle events never delays new reports, and the other way round.
struct IntakeMessaging {
    /// The producer and the relay, in start order (the relay stops first, then the producer flushes).
    let producers: [any Service]
    /// The Kafka consumers and their event consumers (each event consumer after its Kafka consumer, so
    /// it stops first and commits the batch in flight).
    let consumers: [any Service]

    init(
        kafka: KafkaConfiguration, group: String, desk: IntakeDesk, catalog: CategoryCatalog, logger: Logger,
        consumerTuning: (inout KafkaConsumer.Configuration) -> Void = { _ in }
    ) throws {
        let producer = try KafkaProducer(configuration: .init(kafka: kafka), logger: logger)
        let publisher = KafkaMessagePublisher(producer: producer)
        let relay = OutboxRelay(outbox: desk.outbox, client: desk.client, publisher: publisher, logger: logger)

        let inboundTopics = [ContractTopic.hotlineWorkOrders, ContractTopic.sensingAlerts]
        var inboundConfiguration = KafkaConsumer.Configuration(kafka: kafka, groupID: "\(group)-inbound", topics: inboundTopics)
        consumerTuning(&inboundConfiguration)
        let inboundKafka = try KafkaConsumer(configuration: inboundConfiguration, logger: logger)
        let inbound = EventConsumer(
            consumer: inboundKafka, deadLetters: publisher, client: desk.client, outbox: desk.outbox,
            configuration: .init(
                name: "\(group)-inbound", rawTopics: Set(inboundTopics),
                rawInboxKey: { InboundReport.decode($0, catalog: catalog).inboxKey }),
            logger: logger
        ) { consumed, transaction in
            try await desk.handleInbound([consumed], catalog: catalog, in: transaction)
        }

        var lifecycleConfiguration = KafkaConsumer.Configuration(
            kafka: kafka, groupID: "\(group)-lifecycle", topics: [ContractTopic.caseLifecycle])
        consumerTuning(&lifecycleConfiguration)
        let lifecycleKafka = try KafkaConsumer(configuration: lifecycleConfiguration, logger: logger)
        let lifecycle = EventConsumer(
            consumer: lifecycleKafka, deadLetters: publisher, client: desk.client, outbox: desk.outbox,
            configuration: .init(name: "\(group)-lifecycle"), logger: logger
        ) { consumed, transaction in
            try await desk.handleLifecycle([consumed], in: transaction)
        }

        producers = [producer, relay]
        consumers = [inboundKafka, inbound, lifecycleKafka, lifecycle]
    }
}
