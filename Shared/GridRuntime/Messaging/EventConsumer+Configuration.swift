extension EventConsumer {
    /// Settings of an ``EventConsumer``.
    public struct Configuration: Sendable {
        /// The consumer's name: the inbox's consumer key and the `dlt.consumer` header. Usually the
        /// Kafka group id.
        public var name: String
        /// Topics whose records are not CloudEvents (for example hotline work orders): delivered to the
        /// handler undecoded (``ConsumedEvent/event`` is `nil`) with ``rawInboxKey`` as dedupe key.
        /// Default none.
        public var rawTopics: Set<String>
        /// The dedupe key of a raw record. Default: source `kafka:<topic>`, id `<partition>:<offset>`,
        /// which drops redeliveries; give a key from the record's content (work-order number and
        /// revision) to also drop resends by the other system.
        public var rawInboxKey: @Sendable (IncomingMessage) -> InboxKey
        /// Delays between retries of failed transactions, dead letters and commits. Default 100 ms → 10 s.
        public var backoff: RetryBackoff
        /// Attempts before an unrecognised error rejects a message. Default 5.
        public var maximumAttemptsForUnclassifiedErrors: Int
        /// Called after each batch is committed (or given up), for observation and tests. Default none.
        public var onBatch: (@Sendable (EventConsumer.BatchReport) -> Void)?

        /// Creates the settings; see the properties for the defaults.
        public init(
            name: String,
            rawTopics: Set<String> = [],
            rawInboxKey: @escaping @Sendable (IncomingMessage) -> InboxKey = Configuration.positionKey,
            backoff: RetryBackoff = RetryBackoff(),
            maximumAttemptsForUnclassifiedErrors: Int = 5,
            onBatch: (@Sendable (EventConsumer.BatchReport) -> Void)? = nil
        ) {
            self.name = name
            self.rawTopics = rawTopics
            self.rawInboxKey = rawInboxKey
            self.backoff = backoff
            self.maximumAttemptsForUnclassifiedErrors = maximumAttemptsForUnclassifiedErrors
            self.onBatch = onBatch
        }

        /// The default raw key: the record's position (`kafka:<topic>`, `<partition>:<offset>`).
        @Sendable
        public static func positionKey(_ message: IncomingMessage) -> InboxKey {
            InboxKey(source: "kafka:\(message.topic)", id: "\(message.partition):\(message.offset)")
        }
    }

    /// What happened to one batch.
    public struct BatchReport: Sendable, Hashable {
        /// Records in the batch.
        public var messages = 0
        /// Handled and committed.
        public var processed = 0
        /// Skipped as already processed.
        public var duplicates = 0
        /// Sent to the dead-letter topic.
        public var deadLettered = 0
        /// Whether the offsets were committed (`false`: the partitions were revoked meanwhile or the
        /// commit failed; the records will be delivered again and skipped by the inbox).
        public var committed = false

        /// An empty report.
        public init() {}

        /// A report for a batch of `messages` records.
        init(messages: Int) {
            self.messages = messages
        }
    }
}
