import Logging
import Synchronization
import CRDKafka

extension KafkaProducer {
    /// The poll thread's body: serve delivery reports until asked to stop, then flush (bounded) and fail the rest.
    func pollUntilStopped() {
        let handle = self.client.handle
        while !self.stopRequested.load(ordering: .acquiring) {
            rd_kafka_poll(handle, 100)
            self.deliveries.wakeCapacityWaiters()
        }
        self.deliveries.stopAccepting(reason: .shutDown("sending to Kafka"))
        self.deliveries.wakeCapacityWaiters()
        let timeout = self.configuration.shutdownFlushTimeout
        let outstanding = self.outstandingMessageCount
        self.logger.debug("producer shutting down; flushing", metadata: ["outstanding": "\(outstanding)"])
        if rd_kafka_flush(handle, timeout.timeoutMilliseconds) != RD_KAFKA_RESP_ERR_NO_ERROR {
            self.logger.warning(
                "producer shutdown flush timed out; failing undelivered messages",
                metadata: ["undelivered": "\(self.outstandingMessageCount)", "timeout": "\(timeout)"]
            )
            rd_kafka_purge(handle, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT)
            // Serves the purged messages' delivery reports (error _PURGE_QUEUE / _PURGE_INFLIGHT).
            rd_kafka_flush(handle, 1000)
        }
        self.deliveries.close(reason: .shutDown("sending to Kafka"))
    }
}
