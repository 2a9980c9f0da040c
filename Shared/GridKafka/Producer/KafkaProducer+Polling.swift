import CRDKafka
import Foundation
import Logging
import Synchronization

extension KafkaProducer {
    /// The poll thread's body: serve librdkafka's events (delivery reports in batches, errors) until asked to stop,
    /// then flush (bounded) and fail whatever is left.
    func pollUntilStopped() {
        let handle = self.client.handle
        let queue = rd_kafka_queue_get_main(handle)!
        defer { rd_kafka_queue_destroy(queue) }
        while !self.stopRequested.load(ordering: .acquiring) {
            self.serveEvents(queue, timeout: .milliseconds(100))
        }

        self.deliveries.stopAccepting(reason: .shutDown("sending to Kafka"))
        self.deliveries.wakeCapacityWaiters()
        let timeout = self.configuration.shutdownFlushTimeout
        self.logger.debug("producer shutting down; flushing", metadata: ["outstanding": "\(self.outstandingMessageCount)"])
        // With delivery-report events, rd_kafka_flush waits for the reports to be served by another thread: run it
        // on a helper thread and keep serving here until it returns.
        let flushResult = FlushResult()
        let client = self.client
        let flusher = Thread {
            Thread.current.name = "GridKafka.producer.flush"
            flushResult.set(rd_kafka_flush(client.handle, timeout.timeoutMilliseconds))
        }
        flusher.start()
        var response = flushResult.value
        while response == nil {
            self.serveEvents(queue, timeout: .milliseconds(10))
            response = flushResult.value
        }
        if response != RD_KAFKA_RESP_ERR_NO_ERROR {
            self.logger.warning(
                "producer shutdown flush timed out; failing undelivered messages",
                metadata: ["undelivered": "\(self.outstandingMessageCount)", "timeout": "\(timeout)"]
            )
            rd_kafka_purge(handle, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT)
            // Serve the purged messages' reports (_PURGE_QUEUE / _PURGE_INFLIGHT) for up to a second.
            let deadline = ContinuousClock.now.advanced(by: .seconds(1))
            while self.outstandingMessageCount > 0, ContinuousClock.now < deadline {
                self.serveEvents(queue, timeout: .milliseconds(10))
            }
        }
        self.deliveries.close(reason: .shutDown("sending to Kafka"))
    }

    /// Serves one event from the main queue (waiting up to `timeout`), then wakes sends waiting for queue space.
    private func serveEvents(_ queue: OpaquePointer, timeout: Duration) {
        if let event = rd_kafka_queue_poll(queue, timeout.timeoutMilliseconds) {
            defer { rd_kafka_event_destroy(event) }
            switch rd_kafka_event_type(event) {
            case RD_KAFKA_EVENT_DR:
                self.deliveries.complete(deliveryReports: event)
            case RD_KAFKA_EVENT_ERROR:
                self.logError(event)
            default:
                break
            }
        }
        self.deliveries.wakeCapacityWaiters()
    }

    private func logError(_ event: OpaquePointer) {
        let response = rd_kafka_event_error(event)
        let reason = rd_kafka_event_error_string(event).map { String(cString: $0) } ?? ""
        if rd_kafka_event_error_is_fatal(event) != 0 {
            self.logger.critical("librdkafka fatal error; the producer must be recreated", metadata: ["error": "\(reason)"])
            return
        }
        if response.meansBrokerUnreachable {
            self.client.context.recordBrokerProblem(reason)
        }
        self.logger.warning(
            "librdkafka error",
            metadata: ["error": "\(String(cString: rd_kafka_err2name(response))): \(reason)"]
        )
    }
}

/// The shutdown flush's result, set by the flush helper thread.
private final class FlushResult: Sendable {
    private let response = Mutex<rd_kafka_resp_err_t?>(nil)

    func set(_ response: rd_kafka_resp_err_t) {
        self.response.withLock { $0 = response }
    }

    var value: rd_kafka_resp_err_t? {
        self.response.withLock { $0 }
    }
}
