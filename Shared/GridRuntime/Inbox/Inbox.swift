import Logging
import PostgresNIO

/// Idempotent consumption: runs "handle event → write state → enqueue outgoing events → record the
/// event as processed" in one transaction, and skips events already recorded.
///
/// ``process(_:handler:)`` first tries a whole batch in one transaction (one round trip records all
/// keys and tells which are new). If that fails permanently, it falls back to one transaction per
/// message to isolate the bad one, which is returned as ``InboxOutcome/rejected(_:)`` for the caller to
/// dead-letter. Transient failures (``FailureKind/transient``) are retried with backoff and never
/// rejected; unclassified ones are retried
/// ``Configuration/maximumAttemptsForUnclassifiedErrors`` times, then rejected. When `process`
/// returns, every message is committed or rejected, so the caller may commit the offsets.
///
/// Handlers may run more than once for the same message (a retried transaction is rolled back first),
/// so they must act only through the transaction they receive.
public struct Inbox: Sendable {
    /// Settings of an inbox.
    public struct Configuration: Sendable {
        /// The consumer's name, part of the inbox key (several consumers of one service can process the
        /// same event independently). Usually the Kafka consumer group.
        public var consumerName: String
        /// Delays between retries of a transaction that failed transiently. Default 100 ms → 10 s.
        public var backoff: RetryBackoff
        /// Attempts before an unrecognised error is treated as permanent. Default 5.
        public var maximumAttemptsForUnclassifiedErrors: Int
        /// Longest time one transaction (record keys, handle, commit) may take before its connection is
        /// presumed lost: the inbox closes it (so the server rolls the transaction back and frees its row
        /// locks) and retries on another (see ``withDatabaseDeadline(_:_:closing:_:)``; a retry after a
        /// time-out is safe: the abandoned transaction can no longer commit on its closed connection, and
        /// the inbox drops whatever did commit just before). Default 120 s.
        public var transactionDeadline: Duration

        /// Creates the settings; see the properties for the defaults.
        public init(
            consumerName: String,
            backoff: RetryBackoff = RetryBackoff(),
            maximumAttemptsForUnclassifiedErrors: Int = 5,
            transactionDeadline: Duration = .seconds(120)
        ) {
            self.consumerName = consumerName
            self.backoff = backoff
            self.maximumAttemptsForUnclassifiedErrors = max(1, maximumAttemptsForUnclassifiedErrors)
            self.transactionDeadline = transactionDeadline
        }
    }

    /// The outbox of the same schema, for the events handlers enqueue.
    public let outbox: Outbox
    /// The settings.
    public let configuration: Configuration
    let client: PostgresClient
    let logger: Logger

    /// Creates the inbox of `outbox`'s schema.
    public init(outbox: Outbox, client: PostgresClient, configuration: Configuration, logger: Logger) {
        self.outbox = outbox
        self.client = client
        self.configuration = configuration
        self.logger = logger
    }

    var table: String { outbox.schema.qualifying("inbox") }

    /// Processes `messages` in order, skipping those already recorded.
    /// - Parameters:
    ///   - messages: A batch, in consumption order.
    ///   - handler: Handles one new message inside the transaction: change state on
    ///     `transaction.connection`, enqueue outgoing events with `transaction.enqueue`. Throw
    ///     ``EventRejection`` (or any ``PermanentFailure``) for a message that can never be processed.
    /// - Returns: One outcome per message, in order.
    /// - Throws: `CancellationError` only, when cancelled — or when a graceful shutdown begins — while
    ///   waiting to retry; then nothing of the failed transaction was committed and no offset should be
    ///   committed (the messages are delivered again after the restart).
    public func process<Message: InboxMessage>(
        _ messages: [Message],
        handler: @escaping @Sendable (Message, OutboxTransaction) async throws -> Void
    ) async throws -> [InboxOutcome] {
        try await processBatch(messages) { batch, transaction in
            for message in batch { try await handler(message, transaction) }
        }
    }

    /// Like ``process(_:handler:)``, but hands the handler all new messages of a transaction at once
    /// (in order), so it can read and write a batch in a few statements. When the batch fails
    /// permanently, the handler gets one message at a time to isolate the bad one.
    public func processBatch<Message: InboxMessage>(
        _ messages: [Message],
        handler: @escaping @Sendable ([Message], OutboxTransaction) async throws -> Void
    ) async throws -> [InboxOutcome] {
        var outcomes = [InboxOutcome](repeating: .duplicate, count: messages.count)
        var firstOccurrence: Set<InboxKey> = []
        let unique = messages.indices.filter { firstOccurrence.insert(messages[$0].inboxKey).inserted }
        guard !unique.isEmpty else { return outcomes }

        switch try await attempt(unique.map { messages[$0] }, handler: handler) {
        case .success(let newKeys):
            for index in unique where newKeys.contains(messages[index].inboxKey) {
                outcomes[index] = .processed
            }
            return outcomes
        case .failure(let error) where unique.count == 1:
            outcomes[unique[0]] = .rejected(error)
            return outcomes
        case .failure(let error):
            logger.info(
                "batch failed permanently; processing its messages one by one",
                metadata: ["consumer": "\(configuration.consumerName)", "batch": "\(unique.count)", "error": "\(error)"]
            )
        }
        for index in unique {
            switch try await attempt([messages[index]], handler: handler) {
            case .success(let newKeys):
                outcomes[index] = newKeys.isEmpty ? .duplicate : .processed
            case .failure(let error):
                outcomes[index] = .rejected(error)
            }
        }
        return outcomes
    }

    /// Runs `batch` in one transaction, retrying transient and (a bounded number of times)
    /// unclassified failures.
    /// - Returns: The keys that were new, or the error that made the batch fail for good.
    private func attempt<Message: InboxMessage>(
        _ batch: [Message],
        handler: @escaping @Sendable ([Message], OutboxTransaction) async throws -> Void
    ) async throws -> Result<Set<InboxKey>, any Error> {
        var transientFailures = 0
        var unclassifiedFailures = 0
        while true {
            do {
                let (outbox, client, logger) = (self.outbox, self.client, self.logger)
                let newKeys = try await withDatabaseDeadline(
                    configuration.transactionDeadline, "an inbox transaction", leasingFrom: client
                ) { connection in
                    try await outbox.withTransaction(on: connection, logger: logger) { transaction in
                        let newKeys = try await self.record(batch.map(\.inboxKey), on: transaction.connection)
                        let new = batch.filter { newKeys.contains($0.inboxKey) }
                        if !new.isEmpty { try await handler(new, transaction) }
                        return newKeys
                    }
                }
                return .success(newKeys)
            } catch {
                if Task.isCancelled || error is CancellationError { throw CancellationError() }
                let kind = FailureClassifier.classify(error)
                let failures: Int
                switch kind {
                case .permanent:
                    return .failure(Self.rootCause(of: error))
                case .unclassified:
                    unclassifiedFailures += 1
                    if unclassifiedFailures >= configuration.maximumAttemptsForUnclassifiedErrors {
                        return .failure(Self.rootCause(of: error))
                    }
                    failures = unclassifiedFailures
                case .transient:
                    transientFailures += 1
                    failures = transientFailures
                }
                let delay = configuration.backoff.delay(afterFailures: failures)
                logger.warning(
                    "inbox transaction failed; retrying",
                    metadata: [
                        "consumer": "\(configuration.consumerName)", "kind": "\(kind)", "attempt": "\(failures)",
                        "batch": "\(batch.count)", "retry_in": "\(delay)",
                        "error": "\(String(reflecting: Self.rootCause(of: error)))",
                    ]
                )
                try await RetryBackoff.sleepUnlessStopping(for: delay)
            }
        }
    }

    /// Inserts the keys, returning those that were not yet recorded.
    private func record(_ keys: [InboxKey], on connection: PostgresConnection) async throws -> Set<InboxKey> {
        let rows = try await connection.query(
            """
            INSERT INTO \(unescaped: table) (consumer, event_source, event_id)
            SELECT \(configuration.consumerName), k.source, k.id
            FROM unnest(\(keys.map(\.source))::text[], \(keys.map(\.id))::text[]) AS k(source, id)
            ON CONFLICT DO NOTHING
            RETURNING event_source, event_id
            """,
            logger: logger
        )
        var inserted: Set<InboxKey> = []
        for try await (source, id) in rows.decode((String, String).self) {
            inserted.insert(InboxKey(source: source, id: id))
        }
        return inserted
    }

    /// The handler's error inside a `PostgresTransactionError`, or `error` itself.
    static func rootCause(of error: any Error) -> any Error {
        guard let transactionError = error as? PostgresTransactionError else { return error }
        return transactionError.closureError ?? transactionError.commitError ?? transactionError.beginError ?? error
    }
}
