public import GridKafka
public import Logging
public import PostgresNIO
public import ServiceLifecycle

/// The Kafka side of a service, wired one way for all five: one idempotent producer, the outbox
/// relay publishing through it, dead letters through the same producer, consumer groups whose
/// batches run through an ``EventConsumer``, and the broker readiness check.
///
/// ```swift
/// let messaging = try ServiceMessaging(resources: resources, outbox: outbox)
/// producers = messaging.producers
/// consumers = try messaging.consume(group: "routing", topics: [ContractTopic.caseLifecycle]) { events, tx in … }
/// readinessChecks = [messaging.brokerReadiness]
/// ```
public struct ServiceMessaging: Sendable {
    /// GridKafka's connection settings.
    public let kafka: KafkaConfiguration
    /// librdkafka properties for the consumers only (`KAFKA_CONSUMER_PROPERTY_*`), over ``kafka``'s.
    public let consumerProperties: [String: String]
    /// The service's one producer (outbox relay and dead letters).
    public let producer: KafkaProducer
    /// ``producer`` as a ``MessagePublisher``.
    public let publisher: KafkaMessagePublisher
    /// The outbox the relay publishes.
    public let outbox: Outbox
    let admin: KafkaAdmin
    let client: PostgresClient
    let relayConfiguration: OutboxRelay.Configuration
    let logger: Logger

    /// Creates the producer and the admin client of the service's `KAFKA_*` configuration.
    /// - Throws: ``ServiceMessagingError`` when Kafka is not configured; `KafkaError` when librdkafka
    ///   rejects the settings.
    public init<Settings>(
        resources: ServiceResources<Settings>,
        outbox: Outbox,
        relay: OutboxRelay.Configuration = OutboxRelay.Configuration()
    ) throws {
        guard let settings = resources.configuration.kafka else {
            throw ServiceMessagingError.kafkaNotConfigured(service: resources.configuration.serviceName)
        }
        try self.init(
            kafka: KafkaConfiguration(settings), consumerProperties: settings.consumerProperties, outbox: outbox,
            client: resources.postgres, relay: relay, logger: resources.logger)
    }

    /// Creates the producer and the admin client for `kafka`.
    /// - Parameters:
    ///   - kafka: Connection settings.
    ///   - consumerProperties: librdkafka properties for the consumers only. Default none.
    ///   - outbox: The service's outbox (its schema).
    ///   - client: The service's pool.
    ///   - relay: The relay's tuning.
    ///   - logger: Logger for the clients, the relay and the consumers.
    /// - Throws: `KafkaError` when librdkafka rejects the settings.
    public init(
        kafka: KafkaConfiguration,
        consumerProperties: [String: String] = [:],
        outbox: Outbox,
        client: PostgresClient,
        relay: OutboxRelay.Configuration = OutboxRelay.Configuration(),
        logger: Logger
    ) throws {
        self.kafka = kafka
        self.consumerProperties = consumerProperties
        self.producer = try KafkaProducer(configuration: KafkaProducer.Configuration(kafka: kafka), logger: logger)
        self.publisher = KafkaMessagePublisher(producer: producer)
        self.admin = try KafkaAdmin(configuration: kafka, logger: logger)
        self.outbox = outbox
        self.client = client
        self.relayConfiguration = relay
        self.logger = logger
    }

    /// The producer and the outbox relay, in start order (the relay stops first, then the producer flushes).
    public var producers: [any Service] {
        [producer, OutboxRelay(outbox: outbox, client: client, publisher: publisher, configuration: relayConfiguration, logger: logger)]
    }

    /// `broker`: a metadata request answered within the readiness timeout.
    public var brokerReadiness: ReadinessCheck {
        let admin = self.admin
        return .broker { _ = try await admin.metadata(timeout: .seconds(2)) }
    }

    /// A consumer-group member on `topics` whose batches go through an ``EventConsumer`` (inbox,
    /// dead letters on this service's producer, offsets committed after the transaction).
    /// - Parameters:
    ///   - group: The Kafka group id, also the inbox consumer name.
    ///   - topics: The topics to subscribe to.
    ///   - maxBatchSize: Most records per batch (and per transaction). Default 2000: a consumer that is behind
    ///     takes large batches, which spend far fewer database round trips per event (measured: with 500, a loaded
    ///     2-core machine dispatched 336 cases/s; with 2000, 433/s). A consumer that keeps up takes what arrives
    ///     within the batch wait.
    ///   - configure: Adjusts the ``EventConsumer/Configuration`` (raw topics, hooks).
    ///   - handler: Handles the new events of a batch inside their transaction.
    /// - Returns: The Kafka consumer and the ``EventConsumer``, in start order.
    public func consume(
        group: String,
        topics: [String],
        maxBatchSize: Int = 2000,
        configure: (inout EventConsumer.Configuration) -> Void = { _ in },
        handler: @escaping EventConsumer.BatchHandler
    ) throws -> [any Service] {
        var consumerKafka = kafka
        consumerKafka.properties.merge(consumerProperties) { _, consumerOnly in consumerOnly }
        let consumer = try KafkaConsumer(
            configuration: KafkaConsumer.Configuration(kafka: consumerKafka, groupID: group, topics: topics, maxBatchSize: maxBatchSize),
            logger: logger
        )
        var configuration = EventConsumer.Configuration(name: group)
        configure(&configuration)
        let events = EventConsumer(
            consumer: consumer, deadLetters: publisher, client: client, outbox: outbox, configuration: configuration,
            logger: logger, batchHandler: handler
        )
        return [consumer, events]
    }
}

/// Why a service's messaging could not be set up.
public enum ServiceMessagingError: Error, Hashable, CustomStringConvertible {
    /// `KAFKA_BROKERS` is not set for a service that uses Kafka.
    case kafkaNotConfigured(service: String)

    public var description: String {
        switch self {
        case .kafkaNotConfigured(let service): "\(service) needs Kafka: set KAFKA_BROKERS"
        }
    }
}
