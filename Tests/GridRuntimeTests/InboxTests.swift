import Foundation
import GridRuntime
import Logging
import PostgresNIO
import Synchronization
import Testing
import TestSupport

/// An error that says it is worth retrying (as a broker's "unavailable" would).
struct RetryableTestError: RetryClassifiable, CustomStringConvertible {
    var isRetriable: Bool { true }
    var description: String { "temporarily unavailable (test)" }
}

/// An error nobody classified.
struct MysteryError: Error {}

@Suite("Inbox (real PostgreSQL)")
struct InboxTests {
    static func inbox(_ database: TestDatabase, client: PostgresClient? = nil, unclassifiedAttempts: Int = 5) -> Inbox {
        Inbox(
            outbox: database.outbox,
            client: client ?? database.client,
            configuration: .init(
                consumerName: "routing",
                backoff: RetryBackoff(initialDelay: .milliseconds(5), maximumDelay: .milliseconds(20)),
                maximumAttemptsForUnclassifiedErrors: unclassifiedAttempts
            ),
            logger: database.logger
        )
    }

    /// The handler of these tests: counts the event on its case and announces it.
    static func handle(_ event: CloudEvent, _ transaction: OutboxTransaction) async throws {
        let payload = try event.decodePayload(Happened.self)
        if payload.sequence < 0 {
            throw EventRejection(.invariantViolated, "sequence \(payload.sequence) is negative")
        }
        try await transaction.connection.query(
            """
            INSERT INTO svc.cases (id, stage, events) VALUES (\(event.subject ?? ""), 'seen', 1)
            ON CONFLICT (id) DO UPDATE SET events = cases.events + 1
            """,
            logger: transaction.logger
        )
        var announcement = testEvent(key: event.subject ?? "", sequence: payload.sequence)
        announcement.id = "counted-\(event.id)"
        try transaction.enqueue(announcement, topic: "gridloop.counted")
    }

    static func outcomeNames(_ outcomes: [InboxOutcome]) -> [String] {
        outcomes.map {
            switch $0 {
            case .processed: "processed"
            case .duplicate: "duplicate"
            case .rejected: "rejected"
            }
        }
    }

    @Test("new events are handled once; redelivered and repeated ones are skipped")
    func deduplicates() async throws {
        try await TestDatabase.withDatabase { database in
            try await database.migrate()
            let inbox = Self.inbox(database)
            let batch = [testEvent(key: "C-1", sequence: 1), testEvent(key: "C-1", sequence: 2), testEvent(key: "C-1", sequence: 1)]
            let first = try await inbox.process(batch, handler: Self.handle)
            #expect(Self.outcomeNames(first) == ["processed", "processed", "duplicate"])
            let again = try await inbox.process(batch, handler: Self.handle)
            #expect(Self.outcomeNames(again) == ["duplicate", "duplicate", "duplicate"])
            #expect(try await database.integer("SELECT events FROM svc.cases WHERE id = 'C-1'") == 2)
            #expect(try await database.outboxEventIDs() == ["counted-C-1-1", "counted-C-1-2"])
            #expect(try await database.integer("SELECT count(*) FROM svc.inbox WHERE consumer = 'routing'") == 2)
        }
    }

    @Test("a poison message is isolated and rejected; the rest of its batch commits")
    func isolatesPoison() async throws {
        try await TestDatabase.withDatabase { database in
            try await database.migrate()
            let inbox = Self.inbox(database)
            var undecodable = testEvent(key: "C-9", sequence: 0)
            undecodable.data = Array("not json".utf8)
            let batch = [
                testEvent(key: "C-1", sequence: 1), testEvent(key: "C-2", sequence: -1), undecodable,
                testEvent(key: "C-3", sequence: 1),
            ]
            let outcomes = try await inbox.process(batch, handler: Self.handle)
            #expect(Self.outcomeNames(outcomes) == ["processed", "rejected", "rejected", "processed"])
            if case .rejected(let error) = outcomes[1] {
                #expect(error is EventRejection)
            }
            if case .rejected(let error) = outcomes[2] {
                #expect(error is CloudEventError)
            }
            #expect(try await database.integer("SELECT count(*) FROM svc.cases") == 2)
            #expect(try await database.outboxEventIDs() == ["counted-C-1-1", "counted-C-3-1"])
            #expect(try await database.integer("SELECT count(*) FROM svc.inbox") == 2, "rejected events are not recorded")
        }
    }

    @Test("a batch handler gets only the new events of a batch, in order, in one call")
    func batchHandlerSeesNewEventsAtOnce() async throws {
        try await TestDatabase.withDatabase { database in
            try await database.migrate()
            let inbox = Self.inbox(database)
            _ = try await inbox.process([testEvent(key: "C-1", sequence: 1)], handler: Self.handle)
            let calls = Calls()
            let batch = [
                testEvent(key: "C-1", sequence: 1), testEvent(key: "C-2", sequence: 1), testEvent(key: "C-1", sequence: 2),
                testEvent(key: "C-2", sequence: 1),
            ]
            let outcomes = try await inbox.processBatch(batch) { events, transaction in
                await calls.append(events.map(\.id))
                for event in events { try await Self.handle(event, transaction) }
            }
            #expect(Self.outcomeNames(outcomes) == ["duplicate", "processed", "processed", "duplicate"])
            #expect(await calls.batches == [[batch[1].id, batch[2].id]])
            #expect(try await database.integer("SELECT events FROM svc.cases WHERE id = 'C-1'") == 2)
        }
    }

    @Test("when a batch fails permanently, the batch handler is called one event at a time to isolate it")
    func batchHandlerIsolatesPoison() async throws {
        try await TestDatabase.withDatabase { database in
            try await database.migrate()
            let inbox = Self.inbox(database)
            let calls = Calls()
            let batch = [testEvent(key: "C-1", sequence: 1), testEvent(key: "C-2", sequence: -1), testEvent(key: "C-3", sequence: 1)]
            let outcomes = try await inbox.processBatch(batch) { events, transaction in
                await calls.append(events.map(\.id))
                for event in events { try await Self.handle(event, transaction) }
            }
            #expect(Self.outcomeNames(outcomes) == ["processed", "rejected", "processed"])
            #expect(await calls.batches.map(\.count) == [3, 1, 1, 1])
            #expect(try await database.outboxEventIDs() == ["counted-C-1-1", "counted-C-3-1"])
        }
    }

    @Test("a transaction that outlives its deadline (a stuck connection) is abandoned and retried; the event is handled once")
    func abandonsStuckTransaction() async throws {
        try await TestDatabase.withDatabase { database in
            try await database.migrate()
            let inbox = Inbox(
                outbox: database.outbox, client: database.client,
                configuration: .init(
                    consumerName: "routing", backoff: RetryBackoff(initialDelay: .milliseconds(5), maximumDelay: .milliseconds(20)),
                    transactionDeadline: .seconds(1)),
                logger: database.logger)
            let attempts = AttemptCounter()
            let outcomes = try await inbox.process([testEvent(key: "C-1", sequence: 1)]) { event, transaction in
                if attempts.next() == 1 {
                    // Stands for a request that never completes; it ends only when the inbox gives up on it.
                    try? await Task.sleep(for: .seconds(30))
                    throw CancellationError()
                }
                try await Self.handle(event, transaction)
            }
            // On a loaded machine a later attempt may outlive the deadline too and still commit after it was
            // abandoned: then the retry finds the event recorded ("duplicate"). Either way it is handled once.
            #expect(["processed", "duplicate"].contains(Self.outcomeNames(outcomes).first ?? ""))
            #expect(attempts.count >= 2)
            #expect(try await database.integer("SELECT events FROM svc.cases WHERE id = 'C-1'") == 1)
            #expect(try await database.outboxEventIDs() == ["counted-C-1-1"])
        }
    }

    @Test("a serialization failure from PostgreSQL (40001) is retried, never rejected")
    func retriesSerializationFailure() async throws {
        try await TestDatabase.withDatabase { database in
            try await database.migrate()
            let inbox = Self.inbox(database)
            let attempts = AttemptCounter()
            let outcomes = try await inbox.process([testEvent(key: "C-1", sequence: 1)]) { event, transaction in
                if attempts.next() <= 2 {
                    try await transaction.connection.query(
                        "DO $$ BEGIN RAISE EXCEPTION 'could not serialize (test)' USING ERRCODE = '40001'; END $$",
                        logger: transaction.logger
                    )
                }
                try await Self.handle(event, transaction)
            }
            #expect(Self.outcomeNames(outcomes) == ["processed"])
            #expect(attempts.count == 3)
            #expect(try await database.integer("SELECT events FROM svc.cases WHERE id = 'C-1'") == 1)
        }
    }

    @Test("retriable errors (broker unavailable) are retried until they pass")
    func retriesRetriableErrors() async throws {
        try await TestDatabase.withDatabase { database in
            try await database.migrate()
            let inbox = Self.inbox(database, unclassifiedAttempts: 1)
            let attempts = AttemptCounter()
            let outcomes = try await inbox.process([testEvent(key: "C-1", sequence: 1)]) { event, transaction in
                if attempts.next() <= 4 { throw RetryableTestError() }
                try await Self.handle(event, transaction)
            }
            #expect(Self.outcomeNames(outcomes) == ["processed"])
            #expect(attempts.count == 5)
        }
    }

    @Test("unclassified errors are retried a bounded number of times, then rejected")
    func boundsUnclassifiedErrors() async throws {
        try await TestDatabase.withDatabase { database in
            try await database.migrate()
            let inbox = Self.inbox(database, unclassifiedAttempts: 3)
            let attempts = AttemptCounter()
            let outcomes = try await inbox.process([testEvent(key: "C-1", sequence: 1)]) { _, _ in
                _ = attempts.next()
                throw MysteryError()
            }
            #expect(Self.outcomeNames(outcomes) == ["rejected"])
            #expect(attempts.count == 3)
        }
    }

    @Test("a constraint violation in the handler's write is permanent")
    func constraintViolationIsPermanent() async throws {
        try await TestDatabase.withDatabase { database in
            try await database.migrate()
            let inbox = Self.inbox(database)
            let attempts = AttemptCounter()
            let outcomes = try await inbox.process([testEvent(key: "C-1", sequence: 1)]) { _, transaction in
                _ = attempts.next()
                try await transaction.connection.query(
                    "INSERT INTO svc.cases (id, stage) VALUES ('C-1', 'a'), ('C-1', 'b')",
                    logger: transaction.logger
                )
            }
            #expect(Self.outcomeNames(outcomes) == ["rejected"])
            #expect(attempts.count == 1)
            if case .rejected(let error) = outcomes[0] {
                #expect(FailureClassifier.classify(error) == .permanent)
            }
        }
    }

    @Test("two consumers racing on the same events handle each exactly once")
    func concurrentConsumers() async throws {
        try await TestDatabase.withDatabase { database in
            try await database.migrate()
            let events = (1...40).map { testEvent(key: "C-\($0 % 4)", sequence: $0) }
            let processed = try await database.withClient { otherClient in
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for client in [database.client, otherClient] {
                        group.addTask {
                            var count = 0
                            for chunk in stride(from: 0, to: events.count, by: 5) {
                                let outcomes = try await Self.inbox(database, client: client)
                                    .process(Array(events[chunk..<chunk + 5]), handler: Self.handle)
                                count += outcomes.filter { if case .processed = $0 { true } else { false } }.count
                            }
                            return count
                        }
                    }
                    return try await group.reduce(0, +)
                }
            }
            #expect(processed == 40)
            #expect(try await database.integer("SELECT sum(events)::int8 FROM svc.cases") == 40)
        }
    }
}

/// Records the batches a handler was called with.
private actor Calls {
    private(set) var batches: [[String]] = []
    func append(_ ids: [String]) { batches.append(ids) }
}

/// Counts handler attempts across the inbox's retries.
private final class AttemptCounter: Sendable {
    private let value = Mutex(0)

    /// Counts one attempt and returns the count so far.
    func next() -> Int { value.withLock { $0 += 1; return $0 } }

    /// Attempts so far.
    var count: Int { value.withLock { $0 } }
}
