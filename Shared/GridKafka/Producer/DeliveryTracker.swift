import CRDKafka
import Synchronization

/// Matches librdkafka's delivery reports to the `send` calls waiting for them.
///
/// Each `send(batch:)` registers a serial number; each message carries `serial << 32 | index` as its librdkafka
/// opaque, so the delivery-report callback (on the producer's poll thread) can fill in the result without any
/// per-message allocation. When the last result of a batch is in, its single continuation is resumed.
final class DeliveryTracker: Sendable {
    typealias Results = [Result<KafkaDeliveryReport, KafkaError>]

    private struct PendingBatch {
        var results: [Result<KafkaDeliveryReport, KafkaError>?]
        var remaining: Int
        var continuation: CheckedContinuation<Results, Never>?
    }

    private struct State {
        var nextSerial: UInt32 = 1
        var batches: [UInt32: PendingBatch] = [:]
        var capacityWaiters: [CheckedContinuation<Bool, Never>] = []
        var closedReason: KafkaError?
    }

    private let state = Mutex(State())

    /// Registers a batch of `count` messages; `nil` once the producer has shut down.
    func register(count: Int) -> UInt32? {
        self.state.withLock { state in
            guard state.closedReason == nil else { return nil }
            var serial = state.nextSerial
            while serial == 0 || state.batches[serial] != nil { serial &+= 1 }
            state.nextSerial = serial &+ 1
            state.batches[serial] = PendingBatch(
                results: Array(repeating: nil, count: count),
                remaining: count,
                continuation: nil
            )
            return serial
        }
    }

    /// The librdkafka per-message opaque for message `index` of batch `serial` (never null: serials start at 1).
    static func opaque(serial: UInt32, index: Int) -> UnsafeMutableRawPointer {
        UnsafeMutableRawPointer(bitPattern: UInt(serial) << 32 | UInt(UInt32(truncatingIfNeeded: index)))!
    }

    /// Records the result of message `index` of batch `serial`.
    func complete(serial: UInt32, index: Int, with result: Result<KafkaDeliveryReport, KafkaError>) {
        let finished: (CheckedContinuation<Results, Never>, Results)? = self.state.withLock { state in
            guard var batch = state.batches[serial], batch.results.indices.contains(index), batch.results[index] == nil
            else { return nil }
            batch.results[index] = result
            batch.remaining -= 1
            guard batch.remaining == 0, let continuation = batch.continuation else {
                state.batches[serial] = batch
                return nil
            }
            state.batches[serial] = nil
            return (continuation, batch.results.map { $0! })
        }
        if let (continuation, results) = finished {
            continuation.resume(returning: results)
        }
    }

    /// Waits for every result of batch `serial` (in input order).
    func results(serial: UInt32) async -> Results {
        await withCheckedContinuation { continuation in
            let results: Results? = self.state.withLock { state in
                guard var batch = state.batches[serial] else { return [] }
                if batch.remaining == 0 {
                    state.batches[serial] = nil
                    return batch.results.map { $0! }
                }
                batch.continuation = continuation
                state.batches[serial] = batch
                return nil
            }
            if let results { continuation.resume(returning: results) }
        }
    }

    /// Waits until the poll thread has served delivery reports (so librdkafka's queue has room again).
    /// Returns `false` if the producer shut down instead.
    func waitForCapacity() async -> Bool {
        await withCheckedContinuation { continuation in
            let closed = self.state.withLock { state in
                if state.closedReason != nil { return true }
                state.capacityWaiters.append(continuation)
                return false
            }
            if closed { continuation.resume(returning: false) }
        }
    }

    /// Resumes the sends waiting for queue capacity; called by the poll thread after each poll.
    func wakeCapacityWaiters() {
        let waiters = self.state.withLock { state in
            defer { state.capacityWaiters.removeAll() }
            return state.capacityWaiters
        }
        for waiter in waiters { waiter.resume(returning: true) }
    }

    /// Rejects new batches from now on (the shutdown flush is starting); pending ones still complete.
    func stopAccepting(reason: KafkaError) {
        self.state.withLock { $0.closedReason = reason }
    }

    /// Fails every result still pending with `reason` and every later registration; wakes capacity waiters.
    func close(reason: KafkaError) {
        let (batches, waiters) = self.state.withLock { state in
            state.closedReason = state.closedReason ?? reason
            defer {
                state.batches.removeAll()
                state.capacityWaiters.removeAll()
            }
            return (state.batches, state.capacityWaiters)
        }
        for waiter in waiters { waiter.resume(returning: false) }
        for (_, batch) in batches {
            batch.continuation?.resume(returning: batch.results.map { $0 ?? .failure(reason) })
        }
    }

    /// `dr_msg_cb`: called by `rd_kafka_poll` on the producer's poll thread, once per message.
    static let deliveryReportCallback:
        @convention(c) (OpaquePointer?, UnsafePointer<rd_kafka_message_t>?, UnsafeMutableRawPointer?) -> Void = {
            handle, message, _ in
            guard let context = ClientContext.of(handle), let tracker = context.deliveries,
                let message = message?.pointee
            else { return }
            let key = UInt(bitPattern: message._private)
            let serial = UInt32(truncatingIfNeeded: key >> 32)
            let index = Int(UInt32(truncatingIfNeeded: key))
            let topic = String(cString: rd_kafka_topic_name(message.rkt))
            if message.err == RD_KAFKA_RESP_ERR_NO_ERROR {
                let report = KafkaDeliveryReport(topic: topic, partition: message.partition, offset: message.offset)
                tracker.complete(serial: serial, index: index, with: .success(report))
            } else {
                let error = KafkaError.librdkafka(
                    .deliveryFailed,
                    response: message.err,
                    context: "delivering a message to topic \(topic)",
                    reachability: context.reachabilityHint
                )
                tracker.complete(serial: serial, index: index, with: .failure(error))
            }
        }
}
