import Logging
import Synchronization
import CRDKafka

extension ConsumerCoordinator {
    /// `rebalance_cb`: called by librdkafka on the poll thread, from inside `rd_kafka_consumer_poll` or
    /// `rd_kafka_consumer_close`.
    static let rebalanceCallback:
        @convention(c) (
            OpaquePointer?, rd_kafka_resp_err_t, UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?,
            UnsafeMutableRawPointer?
        ) -> Void = { handle, response, partitions, _ in
            guard let handle, let context = ClientContext.of(handle), let coordinator = context.consumer else {
                return
            }
            coordinator.rebalance(handle: handle, response: response, partitions: partitions)
        }

    /// On assignment: take the partitions (paused if a batch is in flight or the application paused them).
    /// On revocation: drop collected messages of the revoked partitions, wait for their in-flight batch to be
    /// committed (bounded by ``revokeTimeout``), then release them.
    func rebalance(
        handle: OpaquePointer,
        response: rd_kafka_resp_err_t,
        partitions list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?
    ) {
        let cooperative = String(cString: rd_kafka_rebalance_protocol(handle)) == "COOPERATIVE"
        let partitions = Set(list.map { PartitionList.partitions($0) } ?? [])
        switch response {
        case RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS:
            self.logger.info("partitions assigned", metadata: ["partitions": "\(partitions.sorted())"])
            if cooperative {
                self.check(rd_kafka_incremental_assign(handle, list), doing: "incremental assign")
            } else {
                rd_kafka_assign(handle, list)
            }
            self.state.withLock { state in
                state.assignment = cooperative ? state.assignment.union(partitions) : partitions
                state.pausedInLibrdkafka.subtract(partitions)
            }
            // librdkafka keeps a partition's pause flag across unassign/assign; start every new partition unpaused
            // (resuming an unpaused partition does nothing), then pause what should be paused.
            self.setPaused(false, partitions, handle: handle)
            self.reconcilePauses(handle: handle)
        case RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS:
            self.logger.info("partitions revoked", metadata: ["partitions": "\(partitions.sorted())"])
            self.state.withLock { state in
                state.collected.removeAll { partitions.contains($0.topicPartition) }
            }
            self.waitForInFlight(on: partitions)
            let pausedHere = self.state.withLock { state in
                state.assignment.subtract(partitions)
                defer { state.pausedInLibrdkafka.subtract(partitions) }
                return state.pausedInLibrdkafka.intersection(partitions)
            }
            // Leave no pause behind on partitions we give away (they may come back to this member later).
            self.setPaused(false, pausedHere, handle: handle)
            if cooperative {
                self.check(rd_kafka_incremental_unassign(handle, list), doing: "incremental unassign")
            } else {
                rd_kafka_assign(handle, nil)
            }
        default:
            self.logger.error(
                "rebalance failed; dropping the assignment",
                metadata: ["error": "\(String(cString: rd_kafka_err2name(response)))"]
            )
            self.state.withLock { state in
                state.collected.removeAll()
                state.assignment.removeAll()
                state.pausedInLibrdkafka.removeAll()
            }
            rd_kafka_assign(handle, nil)
        }
    }

    private func check(_ error: OpaquePointer?, doing what: String) {
        guard let error else { return }
        let failure = KafkaError.librdkafka(.consumerFailed, consuming: error, context: what)
        self.logger.error("rebalance step failed", metadata: ["error": "\(failure)"])
    }
}
