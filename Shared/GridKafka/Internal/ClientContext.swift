import CRDKafka
import Logging
import Synchronization

/// What librdkafka's callbacks need. The handle's opaque pointer points at it (unretained: the owning
/// ``RDKafkaClient`` keeps it alive until after `rd_kafka_destroy` returns).
final class ClientContext: Sendable {
    /// Where librdkafka's logs and errors go.
    let logger: Logger
    /// The configured bootstrap servers, for error messages.
    let bootstrapServers: String
    /// The producer's pending deliveries (producers only).
    let deliveries: DeliveryTracker?
    /// The consumer's shared state (consumers only).
    let consumer: ConsumerCoordinator?
    private let lastBrokerProblem = Mutex<String?>(nil)

    init(logger: Logger, bootstrapServers: [String], deliveries: DeliveryTracker? = nil, consumer: ConsumerCoordinator? = nil) {
        self.logger = logger
        self.bootstrapServers = bootstrapServers.joined(separator: ",")
        self.deliveries = deliveries
        self.consumer = consumer
    }

    /// The context of a handle created by ``RDKafkaClient``.
    static func of(_ handle: OpaquePointer?) -> ClientContext? {
        guard let handle, let opaque = rd_kafka_opaque(handle) else { return nil }
        return Unmanaged<ClientContext>.fromOpaque(opaque).takeUnretainedValue()
    }

    /// Remembers librdkafka's latest connection problem, to explain later timeouts.
    func recordBrokerProblem(_ reason: String) {
        self.lastBrokerProblem.withLock { $0 = reason }
    }

    /// "cannot reach broker at HOST:PORT (last problem); check KAFKA_BROKERS and that the broker is running".
    var reachabilityHint: String {
        let problem = self.lastBrokerProblem.withLock { $0 }.map { " (\($0))" } ?? ""
        return "cannot reach broker at \(self.bootstrapServers)\(problem); check KAFKA_BROKERS and that the broker is running"
    }
}
