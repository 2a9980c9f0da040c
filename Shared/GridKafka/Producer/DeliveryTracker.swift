import CRDKafka
import Synchronization

/// Matches librdkafka's delivery reports to the `send` calls waiting for them.
///
/// Each `send(batch:)` registers a serial number; each message carries `serial << 32 | index` as its librdkafka
/// opaque, so the producer's poll thread, serving librdkafka's delivery-report events, only stores a small
/// ``DeliveryOutcome`` in place. When the last outcome of a batch is in, its single continuation is resumed; `send(batch:)` then turns
/// the outcomes into reports or errors.
final class DeliveryTracker: Sendable {
    /// What a batch ended with: one outcome per message, plus errors raised before librdkafka had the message.
    struct Delivered: Sendable {
        /// Per message, in input order.
        var outcomes: [DeliveryOutcome]
        /// Per message index, errors that did not come from a delivery report (rejected locally, shut down).
        var localFailures: [Int: KafkaError]
    }

    /// One awaited batch. A class so delivery reports update it in place; only touched under the lock.
    private final class PendingBatch {
        var delivered: Delivered
        var remaining: Int
        var continuation: CheckedContinuation<Delivered, Never>?

        init(count: Int) {
            self.delivered = Delivered(outcomes: Array(repeating: .pending, count: count), localFailures: [:])
            self.remaining = count
        }

        /// Stores the outcome of message `index` (once); returns whether the batch is now complete and awaited.
        func record(_ outcome: DeliveryOutcome, at index: Int) -> Bool {
            guard self.delivered.outcomes.indices.contains(index), self.delivered.outcomes[index].isPending else {
                return false
            }
            self.delivered.outcomes[index] = outcome
            self.remaining -= 1
            return self.remaining == 0 && self.continuation != nil
        }
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
            state.batches[serial] = PendingBatch(count: count)
            return serial
        }
    }

    /// The librdkafka per-message opaque for message `index` of batch `serial` (never null: serials start at 1).
    static func opaque(serial: UInt32, index: Int) -> UnsafeMutableRawPointer {
        UnsafeMutableRawPointer(bitPattern: UInt(serial) << 32 | UInt(UInt32(truncatingIfNeeded: index)))!
    }

    /// Records the outcome of message `index` of batch `serial`.
    func complete(serial: UInt32, index: Int, with outcome: DeliveryOutcome) {
        let finished: (CheckedContinuation<Delivered, Never>, Delivered)? = self.state.withLock { state in
            guard let batch = state.batches[serial], batch.record(outcome, at: index),
                let continuation = batch.continuation
            else { return nil }
            state.batches[serial] = nil
            return (continuation, batch.delivered)
        }
        if let (continuation, delivered) = finished {
            continuation.resume(returning: delivered)
        }
    }

    /// Records every delivery report of a librdkafka `RD_KAFKA_EVENT_DR` event (typically a whole produce
    /// response's worth) under one lock acquisition. Called on the producer's poll thread.
    func complete(deliveryReports event: OpaquePointer) {
        var finished: [(CheckedContinuation<Delivered, Never>, Delivered)] = []
        self.state.withLock { state in
            var current: (serial: UInt32, batch: PendingBatch?) = (0, nil)
            while let message = rd_kafka_event_message_next(event)?.pointee {
                let key = UInt(bitPattern: message._private)
                let serial = UInt32(truncatingIfNeeded: key >> 32)
                if serial != current.serial { current = (serial, state.batches[serial]) }
                let outcome = DeliveryOutcome(partition: message.partition, error: message.err.rawValue, offset: message.offset)
                guard let batch = current.batch, batch.record(outcome, at: Int(UInt32(truncatingIfNeeded: key))),
                    let continuation = batch.continuation
                else { continue }
                state.batches[serial] = nil
                current = (0, nil)
                finished.append((continuation, batch.delivered))
            }
        }
        for (continuation, delivered) in finished {
            continuation.resume(returning: delivered)
        }
    }

    /// Records that message `index` of batch `serial` failed before librdkafka took it.
    func fail(serial: UInt32, index: Int, with error: KafkaError) {
        self.state.withLock { state in
            state.batches[serial]?.delivered.localFailures[index] = error
        }
        self.complete(serial: serial, index: index, with: .failedLocally)
    }

    /// Waits until every message of batch `serial` has an outcome.
    func delivered(serial: UInt32) async -> Delivered {
        await withCheckedContinuation { continuation in
            let delivered: Delivered? = self.state.withLock { state in
                guard let batch = state.batches[serial] else { return Delivered(outcomes: [], localFailures: [:]) }
                if batch.remaining == 0 {
                    state.batches[serial] = nil
                    return batch.delivered
                }
                batch.continuation = continuation
                return nil
            }
            if let delivered { continuation.resume(returning: delivered) }
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

    /// Fails every outcome still pending with `reason`, and every later registration; wakes capacity waiters.
    func close(reason: KafkaError) {
        let (finished, waiters) = self.state.withLock { state in
            state.closedReason = state.closedReason ?? reason
            var finished: [(CheckedContinuation<Delivered, Never>, Delivered)] = []
            for batch in state.batches.values {
                for index in batch.delivered.outcomes.indices where batch.delivered.outcomes[index].isPending {
                    batch.delivered.localFailures[index] = reason
                }
                if let continuation = batch.continuation {
                    finished.append((continuation, batch.delivered))
                }
            }
            state.batches.removeAll()
            defer { state.capacityWaiters.removeAll() }
            return (finished, state.capacityWaiters)
        }
        for waiter in waiters { waiter.resume(returning: false) }
        for (continuation, delivered) in finished {
            continuation.resume(returning: delivered)
        }
    }
}

/// What librdkafka reported for one message: where it was stored, or its error code. Plain data, so the
/// delivery-report callback stays cheap.
struct DeliveryOutcome: Sendable {
    /// The partition (meaningful when ``error`` is 0).
    var partition: Int32
    /// librdkafka's `rd_kafka_resp_err_t` (0: delivered), or a sentinel for pending / failed locally.
    var error: Int32
    /// The offset (meaningful when ``error`` is 0).
    var offset: Int64

    /// No outcome yet.
    static let pending = DeliveryOutcome(partition: -1, error: .min, offset: -1)
    /// Failed before librdkafka took the message; the error is in ``DeliveryTracker/Delivered/localFailures``.
    static let failedLocally = DeliveryOutcome(partition: -1, error: .min + 1, offset: -1)

    /// Whether the outcome is still missing.
    var isPending: Bool { self.error == Self.pending.error }
}
