import CRDKafka
import Logging
import ServiceLifecycle
import Synchronization

/// A consumer-group member that hands out messages in batches and commits only what the application says is done.
///
/// ```swift
/// let consumer = try KafkaConsumer(configuration: .init(kafka: kafka, groupID: "routing", topics: ["cases.filed"]),
///                                  logger: logger)
/// // in a service registered after `consumer` in the ServiceGroup:
/// for try await batch in consumer.batches.cancelOnGracefulShutdown() {
///     try await handle(batch)
///     try await consumer.commit(batch)
/// }
/// ```
///
/// **Delivery model.** ``run()`` polls librdkafka on a dedicated thread (never Swift's cooperative pool) and hands
/// out one batch at a time through ``batches``. A handed-out batch is *in flight* until the application passes it
/// to ``commit(_:)`` (or ``release(_:)``); meanwhile every assigned partition is paused and the thread keeps
/// polling, so group heartbeats and rebalances are served but nothing new is fetched. The next batch starts right
/// after the in-flight one is done. Messages are therefore processed at least once, and a committed message is
/// never delivered again to this group.
///
/// **Rebalances.** When partitions are revoked, the rebalance callback drops messages of those partitions that
/// were not yet handed out (the new owner gets them from the committed offset), waits for the in-flight batch to be
/// committed or released — at most ``Configuration/revokeTimeout`` — and only then releases the partitions. A
/// commit that arrives after that fails with ``KafkaError/Code/partitionsNotAssigned`` (the messages will be
/// processed again by the new owner).
///
/// **Shutdown.** On graceful shutdown or cancellation `run()` stops handing out batches, leaves the group cleanly
/// (`rd_kafka_consumer_close`, which revokes with the same bounded wait for the in-flight batch), and finishes
/// ``batches``. Register the services that consume ``batches`` after the consumer, so they stop first.
///
/// **Broker unreachable.** Creating the consumer never fails for that reason; librdkafka keeps reconnecting and the
/// consumer joins the group and starts delivering once a broker answers. Connection problems are logged.
public final class KafkaConsumer: Service, Sendable {
    /// The settings the consumer was created with.
    public let configuration: Configuration
    /// The batches, one at a time; finishes when the consumer has closed, throws if it failed fatally.
    public let batches: Batches
    let client: RDKafkaClient
    let coordinator: ConsumerCoordinator
    let logger: Logger
    let batchSink: AsyncThrowingStream<[KafkaConsumerMessage], any Error>.Continuation
    /// The consumer queue, for waking the poll thread (`rd_kafka_queue_yield`). Destroyed before the handle.
    let consumerQueue: ConsumerQueue
    private let hasStarted = Atomic<Bool>(false)

    /// Creates the consumer and subscribes to ``Configuration/topics`` (joining the group happens in ``run()``).
    ///
    /// - Throws: ``KafkaError/Code/invalidConfiguration`` for invalid settings or properties librdkafka rejects.
    public init(configuration: Configuration, logger: Logger) throws(KafkaError) {
        try configuration.validate()
        self.configuration = configuration
        self.logger = logger
        self.coordinator = ConsumerCoordinator(
            logger: logger, revokeTimeout: configuration.revokeTimeout, prefetchLimit: configuration.maxBatchSize)
        let context = ClientContext(
            logger: logger,
            bootstrapServers: configuration.kafka.bootstrapServers,
            consumer: self.coordinator
        )
        self.client = try RDKafkaClient(
            type: RD_KAFKA_CONSUMER,
            properties: configuration.librdkafkaProperties,
            context: context,
            callbacks: [.errors, .rebalance]
        )
        rd_kafka_poll_set_consumer(self.client.handle)
        self.consumerQueue = ConsumerQueue(client: self.client)
        let (stream, continuation) = AsyncThrowingStream.makeStream(
            of: [KafkaConsumerMessage].self,
            throwing: (any Error).self
        )
        self.batches = Batches(stream: stream)
        self.batchSink = continuation

        let topics = PartitionList.make(configuration.topics.map { KafkaTopicPartition(topic: $0, partition: -1) })
        defer { rd_kafka_topic_partition_list_destroy(topics) }
        let response = rd_kafka_subscribe(self.client.handle, topics)
        guard response == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError.librdkafka(
                .invalidConfiguration,
                response: response,
                context: "subscribing to \(configuration.topics.joined(separator: ", "))"
            )
        }
    }

    deinit {
        // Iterators of `batches` must not wait forever for a consumer that is gone (e.g. never run).
        self.batchSink.finish()
    }

    /// The partitions currently assigned to this member.
    public var assignment: Set<KafkaTopicPartition> {
        self.coordinator.state.withLock { $0.assignment }
    }

    /// Polls on a dedicated thread until graceful shutdown or cancellation, then leaves the group and returns.
    ///
    /// - Throws: ``KafkaError/Code/alreadyRunning`` if called twice; the fatal ``KafkaError`` that stopped the
    ///   consumer, if any.
    public func run() async throws {
        guard !self.hasStarted.exchange(true, ordering: .acquiringAndReleasing) else {
            throw KafkaError(code: .alreadyRunning, message: "KafkaConsumer.run() can only be called once")
        }
        await withTaskCancellationOrGracefulShutdownHandler {
            await DedicatedThread.run(name: "GridKafka.consumer") { [self] in
                self.pollUntilClosed()
            }
        } onCancelOrGracefulShutdown: { [self] in
            self.coordinator.state.withLock { $0.closeRequested = true }
            self.consumerQueue.wakeUp()
        }
        if let fatal = self.coordinator.state.withLock({ $0.fatalError }) {
            throw fatal
        }
    }
}
