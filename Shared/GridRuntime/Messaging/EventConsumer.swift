import GridKafka
import Logging
import Metrics
import PostgresNIO
import ServiceLifecycle

/// Consumes Kafka batches idempotently: the glue of GridKafka's consumer, the ``Inbox`` and dead
/// letters, as a ServiceLifecycle service.
///
/// For each batch: records on CloudEvents topics are decoded (a record that is not a valid event is
/// rejected); the rest go through ``Inbox/process(_:handler:)`` — handler, state, outgoing events and
/// the inbox record in one transaction, duplicates skipped, transient failures retried; rejected
/// records are produced to `<topic>.dlt` (``DeadLetter``), retrying until the broker confirms; only
/// then are the batch's offsets committed. So an offset is committed only after its message's
/// transaction committed or its dead letter was delivered.
///
/// Register it after its `KafkaConsumer` (and after the producer its dead-letter publisher uses) in
/// the ServiceGroup, so that on graceful shutdown it stops first: it finishes and commits the batch in
/// flight, then stops taking batches. A batch that is waiting to retry a failure when the shutdown
/// begins is abandoned instead (released uncommitted), as is the batch in flight on cancellation; it
/// will be delivered again after the restart and deduplicated by the inbox.
public final class EventConsumer: Service, Sendable {
    /// Handles one new event inside its transaction. Throw ``EventRejection`` (or any
    /// ``PermanentFailure``) for an event that can never be processed; any other error is retried.
    public typealias Handler = @Sendable (ConsumedEvent, OutboxTransaction) async throws -> Void
    /// Handles the new events of a batch (in order) inside their transaction; when the batch fails
    /// permanently it is called again with one event at a time to isolate the bad one.
    public typealias BatchHandler = @Sendable ([ConsumedEvent], OutboxTransaction) async throws -> Void

    let consumer: KafkaConsumer
    let deadLetters: any MessagePublisher
    let inbox: Inbox
    let configuration: Configuration
    let handler: BatchHandler
    let logger: Logger
    let metrics: EventConsumerMetrics

    /// Creates the consumer service.
    /// - Parameters:
    ///   - consumer: The Kafka consumer-group member (run it as a service too).
    ///   - deadLetters: Where rejected records go (``KafkaMessagePublisher`` on the service's producer).
    ///   - client: The service's pool.
    ///   - outbox: The service schema's outbox (handlers enqueue outgoing events in it).
    ///   - configuration: Names, raw topics, retries.
    ///   - logger: Logger.
    ///   - handler: The event handler.
    public convenience init(
        consumer: KafkaConsumer,
        deadLetters: any MessagePublisher,
        client: PostgresClient,
        outbox: Outbox,
        configuration: Configuration,
        logger: Logger,
        handler: @escaping Handler
    ) {
        self.init(
            consumer: consumer, deadLetters: deadLetters, client: client, outbox: outbox, configuration: configuration,
            logger: logger,
            batchHandler: { events, transaction in
                for event in events { try await handler(event, transaction) }
            })
    }

    /// Creates the consumer service with a handler that takes the new events of a batch at once
    /// (see ``Inbox/processBatch(_:handler:)``); the parameters are as for the per-event initialiser.
    public init(
        consumer: KafkaConsumer,
        deadLetters: any MessagePublisher,
        client: PostgresClient,
        outbox: Outbox,
        configuration: Configuration,
        logger: Logger,
        batchHandler handler: @escaping BatchHandler
    ) {
        self.consumer = consumer
        self.deadLetters = deadLetters
        self.configuration = configuration
        self.handler = handler
        self.logger = logger
        self.inbox = Inbox(
            outbox: outbox,
            client: client,
            configuration: .init(
                consumerName: configuration.name,
                backoff: configuration.backoff,
                maximumAttemptsForUnclassifiedErrors: configuration.maximumAttemptsForUnclassifiedErrors
            ),
            logger: logger
        )
        self.metrics = EventConsumerMetrics(consumer: configuration.name)
    }

    /// Processes batches until graceful shutdown (after finishing the batch in flight), cancellation or
    /// the consumer closing.
    public func run() async throws {
        do {
            for try await batch in consumer.batches.cancelOnGracefulShutdown() {
                guard try await process(batch) else { break }
            }
        } catch is CancellationError {
            logger.info("event consumer stopped; the batch in flight was not committed", metadata: ["consumer": "\(configuration.name)"])
        }
    }
}
