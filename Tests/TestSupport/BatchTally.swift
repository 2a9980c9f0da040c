public import GridRuntime
import Synchronization

/// Sums what an ``EventConsumer`` reported, across batches: pass ``add(_:)`` as the consumer's `onBatch`.
public final class BatchTally: Sendable {
    private let total = Mutex(EventConsumer.BatchReport())

    /// An empty tally.
    public init() {}

    /// Adds one batch's report.
    public func add(_ report: EventConsumer.BatchReport) {
        total.withLock {
            $0.messages += report.messages
            $0.processed += report.processed
            $0.duplicates += report.duplicates
            $0.deadLettered += report.deadLettered
        }
    }

    /// The sums so far.
    public var current: EventConsumer.BatchReport { total.withLock { $0 } }
}
