import CRDKafka
import Logging

/// Topic administration and cluster metadata.
///
/// Each call runs librdkafka's blocking request on a dedicated thread (never the cooperative pool) and is bounded by
/// its `timeout`. Broker unreachable: creating the admin client never fails for that reason; calls fail after their
/// timeout with a retriable ``KafkaError`` that names the brokers it could not reach, and may simply be retried.
public final class KafkaAdmin: Sendable {
    let client: RDKafkaClient

    /// Creates the admin client.
    ///
    /// - Throws: ``KafkaError/Code/invalidConfiguration`` listing every property librdkafka rejected.
    public init(configuration: KafkaConfiguration, logger: Logger) throws(KafkaError) {
        let context = ClientContext(logger: logger, bootstrapServers: configuration.bootstrapServers)
        self.client = try RDKafkaClient(
            type: RD_KAFKA_PRODUCER,
            properties: configuration.librdkafkaProperties,
            context: context,
            callbacks: [.errors]
        )
    }

    /// Serves queued error events (so connection problems are logged and explain later timeouts).
    func serveErrorEvents() {
        rd_kafka_poll(self.client.handle, 0)
    }
}
