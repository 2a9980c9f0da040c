import CRDKafka
import Logging
import ServiceLifecycle
import Synchronization

/// An idempotent Kafka producer (`acks=all`, Java-compatible key partitioning) as a ServiceLifecycle service.
///
/// ```swift
/// let producer = try KafkaProducer(configuration: .init(kafka: kafka), logger: logger)
/// // register it in the ServiceGroup *before* the services that send with it, so it shuts down after them
/// let report = try await producer.send(KafkaProducerMessage(topic: "cases.filed", key: caseID, value: payload))
/// ```
///
/// - ``run()`` serves librdkafka's main queue on a dedicated thread (never Swift's cooperative pool); delivery
///   reports arrive there as batched events and complete the `send` calls. On graceful shutdown or cancellation it stops accepting messages, flushes
///   for at most ``Configuration/shutdownFlushTimeout``, fails whatever is still undelivered and returns.
/// - `send` may be called before `run()` starts; it completes once `run()` is polling. After `run()` has returned,
///   `send` fails with ``KafkaError/Code/clientShutDown``.
/// - Broker unreachable: creating the producer never fails for that reason. librdkafka reconnects and retries each
///   message until ``Configuration/deliveryTimeout``; then `send` fails with a retriable
///   ``KafkaError/Code/deliveryFailed`` whose message names the brokers it could not reach.
public final class KafkaProducer: Service, Sendable {
    /// The settings the producer was created with.
    public let configuration: Configuration
    let client: RDKafkaClient
    let deliveries: DeliveryTracker
    let topics: TopicHandles
    let logger: Logger
    private let hasStarted = Atomic<Bool>(false)
    let stopRequested = Atomic<Bool>(false)

    /// Creates the producer (no connection is made until messages are sent or `run()` polls).
    ///
    /// - Throws: ``KafkaError/Code/invalidConfiguration`` listing every property librdkafka rejected.
    public init(configuration: Configuration, logger: Logger) throws(KafkaError) {
        self.configuration = configuration
        self.logger = logger
        self.deliveries = DeliveryTracker()
        let context = ClientContext(
            logger: logger,
            bootstrapServers: configuration.kafka.bootstrapServers,
            deliveries: self.deliveries
        )
        self.client = try RDKafkaClient(
            type: RD_KAFKA_PRODUCER,
            properties: configuration.librdkafkaProperties,
            context: context,
            callbacks: [.errors, .deliveryReportEvents]
        )
        self.topics = TopicHandles(client: self.client)
    }

    deinit {
        // Topic handles must go before the client handle (released right after this).
        self.topics.destroyAll()
    }

    /// Messages handed to librdkafka and not yet delivered or failed (`rd_kafka_outq_len`).
    public var outstandingMessageCount: Int {
        Int(rd_kafka_outq_len(self.client.handle))
    }

    /// Serves librdkafka's events on a dedicated thread until graceful shutdown or cancellation, then flushes
    /// (bounded by ``Configuration/shutdownFlushTimeout``), fails what is still undelivered, and returns.
    ///
    /// - Throws: ``KafkaError/Code/alreadyRunning`` if called twice.
    public func run() async throws {
        guard !self.hasStarted.exchange(true, ordering: .acquiringAndReleasing) else {
            throw KafkaError(code: .alreadyRunning, message: "KafkaProducer.run() can only be called once")
        }
        await withTaskCancellationOrGracefulShutdownHandler {
            await DedicatedThread.run(name: "GridKafka.producer") { [self] in
                self.pollUntilStopped()
            }
        } onCancelOrGracefulShutdown: { [self] in
            self.stopRequested.store(true, ordering: .releasing)
        }
    }

    /// Waits until every message handed to librdkafka so far has been delivered or has failed.
    ///
    /// Runs `rd_kafka_flush` on a dedicated thread (`linger.ms` is ignored meanwhile). Needs `run()` to be active:
    /// its poll thread serves the delivery reports the flush waits for.
    /// - Throws: a retriable ``KafkaError/Code/deliveryFailed`` if messages are still outstanding after `timeout`.
    public func flush(timeout: Duration) async throws(KafkaError) {
        let client = self.client
        let response = await DedicatedThread.run(name: "GridKafka.producer.flush") {
            rd_kafka_flush(client.handle, timeout.timeoutMilliseconds)
        }
        guard response == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError.librdkafka(
                .deliveryFailed,
                response: response,
                context: "flushing \(self.outstandingMessageCount) outstanding messages within \(timeout)",
                reachability: client.context.reachabilityHint
            )
        }
    }
}
