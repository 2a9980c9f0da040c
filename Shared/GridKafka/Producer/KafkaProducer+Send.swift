import CRDKafka

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension KafkaProducer {
    /// Sends one message and waits for the broker's acknowledgement (its delivery report).
    ///
    /// - Returns: where the message was stored.
    /// - Throws: ``KafkaError``: ``KafkaError/Code/enqueueFailed`` (rejected locally, e.g. too large),
    ///   ``KafkaError/Code/deliveryFailed`` (not acknowledged within the delivery timeout, usually retriable) or
    ///   ``KafkaError/Code/clientShutDown``.
    public func send(_ message: KafkaProducerMessage) async throws(KafkaError) -> KafkaDeliveryReport {
        try await self.send(batch: [message])[0].get()
    }

    /// Sends many messages with one await: all are handed to librdkafka at once (which batches them per
    /// partition), and the call returns when every delivery report is in.
    ///
    /// When librdkafka's local queue is full the call waits for delivery reports to make room instead of failing.
    /// Not cancellable: once messages are handed to librdkafka they are delivered or fail on their own, so the call
    /// always returns every result, at the latest after ``Configuration/deliveryTimeout``.
    ///
    /// - Returns: one result per message, in input order.
    public func send(batch messages: [KafkaProducerMessage]) async -> [Result<KafkaDeliveryReport, KafkaError>] {
        guard !messages.isEmpty else { return [] }
        guard let serial = self.deliveries.register(count: messages.count) else {
            return Array(repeating: .failure(.shutDown("sending to Kafka")), count: messages.count)
        }
        var topic: (name: String, handle: OpaquePointer?) = ("", nil)
        var index = 0
        while index < messages.count {
            let message = messages[index]
            if topic.handle == nil || topic.name != message.topic {
                topic = (message.topic, self.topics.handle(for: message.topic))
            }
            switch self.enqueue(message, topic: topic.handle, opaque: DeliveryTracker.opaque(serial: serial, index: index)) {
            case .queued:
                break
            case .queueFull:
                if await self.deliveries.waitForCapacity() { continue }
                self.deliveries.fail(serial: serial, index: index, with: .shutDown("sending to Kafka"))
            case .rejected(let failure):
                self.deliveries.fail(serial: serial, index: index, with: failure)
            }
            index += 1
        }
        return self.results(of: messages, await self.deliveries.delivered(serial: serial))
    }

    /// Turns the batch's outcomes into delivery reports and errors, in input order.
    private func results(
        of messages: [KafkaProducerMessage],
        _ delivered: DeliveryTracker.Delivered
    ) -> [Result<KafkaDeliveryReport, KafkaError>] {
        messages.indices.map { index in
            let message = messages[index]
            if let failure = delivered.localFailures[index] { return .failure(failure) }
            // No outcome at all: the producer shut down and dropped the batch before it was awaited.
            guard delivered.outcomes.indices.contains(index) else { return .failure(.shutDown("sending to Kafka")) }
            let outcome = delivered.outcomes[index]
            let response = rd_kafka_resp_err_t(rawValue: outcome.error)
            guard response == RD_KAFKA_RESP_ERR_NO_ERROR else {
                return .failure(
                    .librdkafka(
                        .deliveryFailed,
                        response: response,
                        context: "delivering a message to topic \(message.topic)",
                        reachability: self.client.context.reachabilityHint
                    )
                )
            }
            return .success(KafkaDeliveryReport(topic: message.topic, partition: outcome.partition, offset: outcome.offset))
        }
    }

    /// What became of a message handed to librdkafka.
    private enum EnqueueOutcome {
        case queued
        case queueFull
        case rejected(KafkaError)
    }

    /// Hands one message to librdkafka (`rd_kafka_produceva`, which copies key, value and headers).
    private func enqueue(
        _ message: KafkaProducerMessage,
        topic: OpaquePointer?,
        opaque: UnsafeMutableRawPointer
    ) -> EnqueueOutcome {
        guard let topic else {
            return .rejected(
                KafkaError(code: .enqueueFailed, message: "librdkafka refused the topic name '\(message.topic)'")
            )
        }
        let headerNames = message.headers.map { strdup($0.name) }
        defer { headerNames.forEach { free($0) } }
        let error: OpaquePointer? = message.value.withUnsafeBytes { value in
            withOptionalBytes(message.key) { key in
                // Topic, flags, opaque, value, key, partition: at most six fixed fields, then the headers.
                let capacity = 6 + message.headers.count
                return withUnsafeTemporaryAllocation(of: rd_kafka_vu_t.self, capacity: capacity) { fields in
                    var count = 0
                    func append(_ type: rd_kafka_vtype_t, _ fill: (inout rd_kafka_vu_t) -> Void) {
                        precondition(count < capacity, "more produce fields than allocated")
                        var field = rd_kafka_vu_t()
                        field.vtype = type
                        fill(&field)
                        (fields.baseAddress! + count).initialize(to: field)
                        count += 1
                    }
                    append(RD_KAFKA_VTYPE_RKT) { $0.u.rkt = topic }
                    append(RD_KAFKA_VTYPE_MSGFLAGS) { $0.u.i = RD_KAFKA_MSG_F_COPY }
                    append(RD_KAFKA_VTYPE_OPAQUE) { $0.u.ptr = opaque }
                    append(RD_KAFKA_VTYPE_VALUE) {
                        $0.u.mem.ptr = UnsafeMutableRawPointer(mutating: value.baseAddress)
                        $0.u.mem.size = value.count
                    }
                    if let key {
                        append(RD_KAFKA_VTYPE_KEY) {
                            $0.u.mem.ptr = UnsafeMutableRawPointer(mutating: key.baseAddress)
                            $0.u.mem.size = key.count
                        }
                    }
                    if let partition = message.partition {
                        append(RD_KAFKA_VTYPE_PARTITION) { $0.u.i32 = partition }
                    }
                    return withHeaderValues(message.headers) { values in
                        for (name, header) in zip(headerNames, values) {
                            append(RD_KAFKA_VTYPE_HEADER) {
                                $0.u.header.name = UnsafePointer(name)
                                $0.u.header.val = header?.baseAddress
                                $0.u.header.size = header?.count ?? 0
                            }
                        }
                        return rd_kafka_produceva(self.client.handle, fields.baseAddress, count)
                    }
                }
            }
        }
        guard let error else { return .queued }
        if rd_kafka_error_code(error) == RD_KAFKA_RESP_ERR__QUEUE_FULL {
            rd_kafka_error_destroy(error)
            return .queueFull
        }
        return .rejected(
            .librdkafka(.enqueueFailed, consuming: error, context: "queueing a message for topic \(message.topic)")
        )
    }
}

/// Calls `body` with the bytes of `bytes`, or `nil`. An empty (non-nil) key gets a non-null pointer, because
/// librdkafka treats a null key as "no key" (random partition) but hashes an empty one, as Java clients do.
private func withOptionalBytes<Result>(
    _ bytes: [UInt8]?,
    _ body: (UnsafeRawBufferPointer?) -> Result
) -> Result {
    guard let bytes else { return body(nil) }
    guard !bytes.isEmpty else {
        return withUnsafeTemporaryAllocation(byteCount: 1, alignment: 1) {
            body(UnsafeRawBufferPointer(start: $0.baseAddress, count: 0))
        }
    }
    return bytes.withUnsafeBytes { body($0) }
}

/// Calls `body` with pointers to every header value (kept alive for the call).
private func withHeaderValues<Result>(
    _ headers: [KafkaHeader],
    _ body: ([UnsafeRawBufferPointer?]) -> Result
) -> Result {
    guard !headers.isEmpty else { return body([]) }
    // Copy the values into one buffer so a single closure keeps them all alive.
    let total = headers.reduce(0) { $0 + ($1.value?.count ?? 0) }
    return withUnsafeTemporaryAllocation(byteCount: max(total, 1), alignment: 1) { storage in
        var offset = 0
        var pointers: [UnsafeRawBufferPointer?] = []
        pointers.reserveCapacity(headers.count)
        for header in headers {
            guard let value = header.value else {
                pointers.append(nil)
                continue
            }
            let slice = UnsafeMutableRawBufferPointer(rebasing: storage[offset..<offset + value.count])
            slice.copyBytes(from: value)
            pointers.append(UnsafeRawBufferPointer(slice))
            offset += value.count
        }
        return body(pointers)
    }
}
