import Logging
import Synchronization
import CRDKafka

extension KafkaConsumer {
    /// The poll thread's body: collect and hand out batches one at a time, keep polling while a batch is in flight
    /// (collecting the next batch, paused once it is collected), and leave the group when asked to stop.
    func pollUntilClosed() {
        let handle = self.client.handle
        while true {
            enum Phase { case collect, waitForInFlight, close }
            let phase: Phase = self.coordinator.state.withLock { state in
                if state.closeRequested || state.fatalError != nil { return .close }
                return state.inFlight.isEmpty ? .collect : .waitForInFlight
            }
            if phase == .close { break }
            self.coordinator.reconcilePauses(handle: handle)
            if phase == .collect {
                self.collectAndHandOutBatch(handle: handle)
            } else {
                // Serves rebalances and heartbeats and collects the next batch; once it is collected the
                // partitions are paused and fetch nothing new.
                self.pollOnce(handle: handle, timeout: .milliseconds(100))
            }
        }
        self.close(handle: handle)
    }

    /// Polls until a batch is full or ``Configuration/maxBatchWait`` has passed since its first message, then hands
    /// it out. Returns without a batch after an idle poll, so the caller can check for shutdown.
    private func collectAndHandOutBatch(handle: OpaquePointer) {
        let maxBatchSize = self.configuration.maxBatchSize
        var deadline: ContinuousClock.Instant?
        while true {
            let (collected, stop) = self.coordinator.state.withLock { state in
                (state.collected.count, state.closeRequested || state.fatalError != nil || !state.inFlight.isEmpty)
            }
            if stop { return }
            if collected >= maxBatchSize { break }
            if collected > 0, deadline == nil {
                deadline = ContinuousClock.now.advanced(by: self.configuration.maxBatchWait)
            }
            let timeout: Duration
            if let deadline {
                timeout = ContinuousClock.now.duration(to: deadline)
                if timeout <= .zero { break }
            } else {
                timeout = .milliseconds(100)
            }
            if !self.pollOnce(handle: handle, timeout: timeout), deadline == nil { return }
        }
        let batch: [KafkaConsumerMessage]? = self.coordinator.state.withLock { state in
            guard !state.closeRequested, state.inFlight.isEmpty else { return nil }
            let batch = Array(state.collected.prefix(maxBatchSize))
            guard !batch.isEmpty else { return nil }
            state.collected.removeFirst(batch.count)
            state.inFlight = Self.nextOffsets(of: batch).mapValues { $0 - 1 }
            return batch
        }
        if let batch {
            self.batchSink.yield(batch)
        }
    }

    /// One `rd_kafka_consumer_poll`: keeps a message of an assigned partition, logs errors.
    ///
    /// - Returns: whether a message (or error) arrived.
    @discardableResult
    private func pollOnce(handle: OpaquePointer, timeout: Duration) -> Bool {
        guard let message = rd_kafka_consumer_poll(handle, max(timeout.timeoutMilliseconds, 0)) else { return false }
        defer { rd_kafka_message_destroy(message) }
        let response = message.pointee.err
        guard response == RD_KAFKA_RESP_ERR_NO_ERROR else {
            self.handleConsumerError(handle: handle, message: message, response: response)
            return true
        }
        let consumed = KafkaConsumerMessage(copying: message)
        self.coordinator.state.withLock { state in
            if state.assignment.contains(consumed.topicPartition) {
                state.collected.append(consumed)
            }
        }
        return true
    }

    private func handleConsumerError(
        handle: OpaquePointer,
        message: UnsafeMutablePointer<rd_kafka_message_t>,
        response: rd_kafka_resp_err_t
    ) {
        guard response != RD_KAFKA_RESP_ERR__PARTITION_EOF else { return }
        let reason = message.pointee.payload.map {
            String(decoding: UnsafeRawBufferPointer(start: $0, count: message.pointee.len), as: UTF8.self)
        }
        if response == RD_KAFKA_RESP_ERR__FATAL {
            var buffer = [CChar](repeating: 0, count: 512)
            let underlying = rd_kafka_fatal_error(handle, &buffer, buffer.count)
            let error = KafkaError.librdkafka(
                .consumerFailed,
                response: underlying,
                context: "consumer stopped by a fatal librdkafka error; recreate it",
                reason: String(cBuffer: buffer),
                isFatal: true
            )
            self.logger.critical("consumer failed", metadata: ["error": "\(error)"])
            self.coordinator.state.withLock { $0.fatalError = error }
            return
        }
        self.logger.warning(
            "consumer error",
            metadata: ["error": "\(String(cString: rd_kafka_err2name(response))): \(reason ?? "")"]
        )
    }

    /// Leaves the group (`rd_kafka_consumer_close` serves the final revocation on this thread) and finishes
    /// ``batches``.
    private func close(handle: OpaquePointer) {
        self.coordinator.state.withLock { $0.collected.removeAll() }
        self.logger.debug("consumer closing: leaving the group")
        let response = rd_kafka_consumer_close(handle)
        if response != RD_KAFKA_RESP_ERR_NO_ERROR {
            self.logger.warning(
                "consumer close reported an error",
                metadata: ["error": "\(String(cString: rd_kafka_err2str(response)))"]
            )
        }
        let fatal = self.coordinator.state.withLock { state in
            state.closed = true
            state.assignment.removeAll()
            state.inFlight.removeAll()
            return state.fatalError
        }
        self.batchSink.finish(throwing: fatal)
    }
}
