import CRDKafka
import Logging
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The consumer state shared by the poll thread, the rebalance callback (which runs on the poll thread) and the
/// application's `commit`/`release`/`pause`/`resume` calls.
///
/// The model: the poll thread hands out one batch at a time. A handed-out batch is *in flight* (``State/inFlight``
/// holds, per partition, the highest offset handed out) until the application commits or releases it. While a
/// batch is in flight the poll thread keeps polling — serving rebalance callbacks and heartbeats — and collects
/// up to ``prefetchLimit`` messages for the next batch; once that many wait, every assigned partition is paused
/// in librdkafka until the buffer drains (pausing purges librdkafka's own prefetch, so it is avoided while the
/// buffer has room).
final class ConsumerCoordinator: Sendable {
    struct State {
        /// Partitions currently assigned to this member.
        var assignment: Set<KafkaTopicPartition> = []
        /// Highest offset handed out and not yet committed or released, per partition.
        var inFlight: [KafkaTopicPartition: Int64] = [:]
        /// Partitions the application paused.
        var pausedByApplication: Set<KafkaTopicPartition> = []
        /// Partitions currently paused in librdkafka (always a subset of `assignment`).
        var pausedInLibrdkafka: Set<KafkaTopicPartition> = []
        /// Messages polled but not yet handed out.
        var collected: [KafkaConsumerMessage] = []
        /// Set when `run()` is asked to stop.
        var closeRequested = false
        /// Set once the consumer has left the group.
        var closed = false
        /// The error that stopped the consumer, if any.
        var fatalError: KafkaError?
    }

    let state = Mutex(State())
    let logger: Logger
    let revokeTimeout: Duration
    /// How many messages may wait for the next batch while one is in flight.
    let prefetchLimit: Int

    init(logger: Logger, revokeTimeout: Duration, prefetchLimit: Int) {
        self.logger = logger
        self.revokeTimeout = revokeTimeout
        self.prefetchLimit = max(1, prefetchLimit)
    }

    /// Pauses and resumes partitions in librdkafka so that exactly the wanted ones are paused: all assigned
    /// partitions while a batch is in flight and the next one is already collected, else those the application
    /// paused. Poll thread only.
    func reconcilePauses(handle: OpaquePointer) {
        let prefetchLimit = self.prefetchLimit
        let (pause, resume) = self.state.withLock { state in
            let bufferFull = !state.inFlight.isEmpty && state.collected.count >= prefetchLimit
            let wanted = bufferFull ? state.assignment : state.pausedByApplication.intersection(state.assignment)
            defer { state.pausedInLibrdkafka = wanted }
            return (wanted.subtracting(state.pausedInLibrdkafka), state.pausedInLibrdkafka.subtracting(wanted))
        }
        self.setPaused(true, pause, handle: handle)
        self.setPaused(false, resume, handle: handle)
    }

    /// `rd_kafka_pause_partitions` / `rd_kafka_resume_partitions`. Poll thread only.
    func setPaused(_ paused: Bool, _ partitions: Set<KafkaTopicPartition>, handle: OpaquePointer) {
        guard !partitions.isEmpty else { return }
        let list = PartitionList.make(partitions)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let response = paused ? rd_kafka_pause_partitions(handle, list) : rd_kafka_resume_partitions(handle, list)
        if response != RD_KAFKA_RESP_ERR_NO_ERROR {
            self.logger.warning(
                paused ? "pausing partitions failed" : "resuming partitions failed",
                metadata: ["partitions": "\(partitions.sorted())", "error": "\(String(cString: rd_kafka_err2str(response)))"]
            )
        }
    }

    /// Marks offsets (next offset to consume, per partition) as done: in-flight entries below them are cleared.
    func markDone(nextOffsets: [KafkaTopicPartition: Int64]) {
        self.state.withLock { state in
            for (partition, next) in nextOffsets {
                if let handedOut = state.inFlight[partition], handedOut < next {
                    state.inFlight[partition] = nil
                }
            }
        }
    }

    /// Waits (bounded by ``revokeTimeout``) until no in-flight batch touches `partitions`; gives them up after that.
    /// Runs inside the rebalance callback on the poll thread, so it blocks only that thread.
    func waitForInFlight(on partitions: Set<KafkaTopicPartition>) {
        let deadline = ContinuousClock.now.advanced(by: self.revokeTimeout)
        while true {
            let pending = self.state.withLock { state in
                state.inFlight.keys.filter { partitions.contains($0) }
            }
            if pending.isEmpty { return }
            if ContinuousClock.now >= deadline {
                self.logger.warning(
                    "in-flight batch not committed within the revoke timeout; releasing its partitions anyway (its messages will be redelivered to the new owner)",
                    metadata: ["partitions": "\(pending.sorted())", "timeout": "\(self.revokeTimeout)"]
                )
                self.state.withLock { state in
                    for partition in pending { state.inFlight[partition] = nil }
                }
                return
            }
            usleep(2_000)
        }
    }
}
