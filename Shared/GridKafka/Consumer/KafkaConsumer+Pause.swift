import Synchronization

extension KafkaConsumer {
    /// Stops fetching from `partitions` (backpressure) until ``resume(partitions:)``.
    ///
    /// Applied by the poll thread right away; messages of these partitions already collected may still arrive in
    /// the next batch. Partitions not assigned yet are paused when they are assigned. Nothing is lost: a resumed
    /// partition continues after the last message handed out.
    public func pause(partitions: some Sequence<KafkaTopicPartition>) {
        self.coordinator.state.withLock { $0.pausedByApplication.formUnion(partitions) }
        self.consumerQueue.wakeUp()
    }

    /// Fetches from `partitions` again after ``pause(partitions:)``.
    public func resume(partitions: some Sequence<KafkaTopicPartition>) {
        self.coordinator.state.withLock { $0.pausedByApplication.subtract(partitions) }
        self.consumerQueue.wakeUp()
    }
}
