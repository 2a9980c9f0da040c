import Synchronization
import CRDKafka

extension KafkaConsumer {
    /// Commits a processed batch synchronously: for each partition in it, the offset after its last message.
    ///
    /// Also ends the batch's in-flight state, so the next batch can be handed out. `rd_kafka_commit` runs on a
    /// dedicated thread, not the cooperative pool.
    ///
    /// - Throws: ``KafkaError/Code/commitFailed`` (the batch stays in flight; commit again or ``release(_:)``),
    ///   ``KafkaError/Code/partitionsNotAssigned`` for partitions revoked in the meantime (the others are committed),
    ///   ``KafkaError/Code/clientShutDown``.
    public func commit(_ batch: [KafkaConsumerMessage]) async throws(KafkaError) {
        try await self.commit(offsets: Self.nextOffsets(of: batch))
    }

    /// Commits offsets synchronously. Each value is the *next* offset to consume (last processed offset + 1), as
    /// in Kafka's protocol.
    ///
    /// - Throws: as ``commit(_:)``.
    public func commit(offsets: [KafkaTopicPartition: Int64]) async throws(KafkaError) {
        guard !offsets.isEmpty else { return }
        let (owned, notOwned, closed) = self.coordinator.state.withLock { state in
            let owned = offsets.filter { state.assignment.contains($0.key) }
            return (owned, offsets.keys.filter { !state.assignment.contains($0) }, state.closed)
        }
        guard !closed else { throw KafkaError.shutDown("committing offsets") }
        if !owned.isEmpty {
            let client = self.client
            let outcome = await DedicatedThread.run(name: "GridKafka.consumer.commit") {
                Self.commitBlocking(owned, client: client)
            }
            try outcome.get()
            self.coordinator.markDone(nextOffsets: owned)
            self.consumerQueue.wakeUp()
        }
        if !notOwned.isEmpty {
            throw KafkaError(
                code: .partitionsNotAssigned,
                message:
                    "offsets for \(notOwned.sorted().map(\.description).joined(separator: ", ")) were not committed: "
                    + "the partitions were revoked from this consumer in a rebalance; their new owner will consume "
                    + "them again from the last committed offset"
            )
        }
    }

    /// Ends a batch's in-flight state without committing it, so the next batch can be handed out.
    ///
    /// Its messages are not delivered again by this consumer; they will be after a restart or rebalance (from the
    /// last committed offset) unless a later commit covers them.
    public func release(_ batch: [KafkaConsumerMessage]) {
        self.coordinator.markDone(nextOffsets: Self.nextOffsets(of: batch))
        self.consumerQueue.wakeUp()
    }

    /// For each partition in `batch`, its highest offset + 1.
    static func nextOffsets(of batch: [KafkaConsumerMessage]) -> [KafkaTopicPartition: Int64] {
        var offsets: [KafkaTopicPartition: Int64] = [:]
        for message in batch {
            offsets[message.topicPartition] = max(offsets[message.topicPartition] ?? 0, message.offset + 1)
        }
        return offsets
    }

    /// `rd_kafka_commit` (synchronous), with per-partition errors checked.
    private static func commitBlocking(
        _ offsets: [KafkaTopicPartition: Int64],
        client: RDKafkaClient
    ) -> Result<Void, KafkaError> {
        let list = PartitionList.make(offsets: offsets)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let response = rd_kafka_commit(client.handle, list, 0)
        let failed = PartitionList.entries(list).filter { $0.error != RD_KAFKA_RESP_ERR_NO_ERROR }
        if response == RD_KAFKA_RESP_ERR_NO_ERROR, failed.isEmpty { return .success(()) }
        let worst = response != RD_KAFKA_RESP_ERR_NO_ERROR ? response : failed[0].error
        let details = failed.map { "\($0.partition): \(String(cString: rd_kafka_err2str($0.error)))" }
        return .failure(
            .librdkafka(
                .commitFailed,
                response: worst,
                context: "committing offsets for \(offsets.keys.sorted().map(\.description).joined(separator: ", "))",
                reason: details.isEmpty ? nil : details.joined(separator: "; "),
                reachability: client.context.reachabilityHint
            )
        )
    }
}
