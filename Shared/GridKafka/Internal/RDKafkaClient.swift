import CRDKafka

/// Owns one librdkafka handle (`rd_kafka_t`) and the ``ClientContext`` its callbacks use.
///
/// `@unchecked Sendable`: the only stored state is the handle and an immutable Sendable context. librdkafka's
/// handle is thread-safe (all `rd_kafka_*` calls on it may come from any thread); the few calls that must come
/// from one thread (polling, `rd_kafka_consumer_close`) are made only from the owning client's poll thread.
final class RDKafkaClient: @unchecked Sendable {
    /// The librdkafka handle.
    let handle: OpaquePointer
    /// The callbacks' context.
    let context: ClientContext
    private let isConsumer: Bool

    /// Which optional callbacks to install.
    struct Callbacks: OptionSet {
        let rawValue: Int
        /// `error_cb` (served by whoever polls the main queue).
        static let errors = Callbacks(rawValue: 1)
        /// Delivery reports as `RD_KAFKA_EVENT_DR` events on the main queue (served by the producer's poll thread).
        static let deliveryReportEvents = Callbacks(rawValue: 2)
        /// `rebalance_cb`, delivering to `context.consumer`.
        static let rebalance = Callbacks(rawValue: 4)
    }

    /// Creates the handle.
    ///
    /// - Throws: ``KafkaError/Code/invalidConfiguration`` listing every property librdkafka rejected, or
    ///   ``KafkaError/Code/clientCreationFailed``.
    init(
        type: rd_kafka_type_t,
        properties: [String: String],
        context: ClientContext,
        callbacks: Callbacks
    ) throws(KafkaError) {
        let configuration = rd_kafka_conf_new()
        var rejected: [String] = []
        var errorText = [CChar](repeating: 0, count: 512)
        for (name, value) in properties.sorted(by: { $0.key < $1.key }) {
            let result = rd_kafka_conf_set(configuration, name, value, &errorText, errorText.count)
            if result != RD_KAFKA_CONF_OK {
                rejected.append("\(name): \(String(cBuffer: errorText))")
            }
        }
        guard rejected.isEmpty else {
            rd_kafka_conf_destroy(configuration)
            throw KafkaError(
                code: .invalidConfiguration,
                message: "librdkafka rejected these properties: \(rejected.joined(separator: "; "))"
            )
        }
        rd_kafka_conf_set_opaque(configuration, Unmanaged.passUnretained(context).toOpaque())
        rd_kafka_conf_set_log_cb(configuration, LibrdkafkaCallbacks.log)
        if callbacks.contains(.errors) {
            rd_kafka_conf_set_error_cb(configuration, LibrdkafkaCallbacks.error)
        }
        if callbacks.contains(.deliveryReportEvents) {
            rd_kafka_conf_set_events(configuration, RD_KAFKA_EVENT_DR)
        }
        if callbacks.contains(.rebalance) {
            rd_kafka_conf_set_rebalance_cb(configuration, ConsumerCoordinator.rebalanceCallback)
        }
        guard let handle = rd_kafka_new(type, configuration, &errorText, errorText.count) else {
            rd_kafka_conf_destroy(configuration)
            throw KafkaError(
                code: .clientCreationFailed,
                message: "librdkafka could not create the client: \(String(cBuffer: errorText))"
            )
        }
        self.handle = handle
        self.context = context
        self.isConsumer = type == RD_KAFKA_CONSUMER
    }

    deinit {
        // A consumer is closed by its run(); never block here on a group leave that run() did not do.
        rd_kafka_destroy_flags(self.handle, self.isConsumer ? RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE : 0)
    }
}
