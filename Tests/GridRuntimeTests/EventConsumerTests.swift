import Foundation
import GridKafka
import GridRuntime
import Logging
import PostgresNIO
import Synchronization
import Testing
import TestSupport

/// A real Tansu broker, an admin client, and a running producer for one test.
struct KafkaFixture: Sendable {
    let broker: TansuBroker
    let kafka: KafkaConfiguration
    let producer: KafkaProducer
    let logger: Logger

    /// Starts a broker and a producer, creates `topics` (and their `.dlt`), runs `body`, stops everything.
    static func with<Result: Sendable>(
        topics: [String],
        logger: Logger,
        _ body: (KafkaFixture) async throws -> Result
    ) async throws -> Result {
        let broker = try await TansuBroker.started()
        defer { broker.stop() }
        let kafka = broker.kafkaConfiguration(clientID: "gridloop-runtime-tests")
        try await broker.createTopicsWithDeadLetters(topics, partitions: 3, logger: logger)
        let producer = try KafkaProducer(configuration: .init(kafka: kafka), logger: logger)
        let fixture = KafkaFixture(broker: broker, kafka: kafka, producer: producer, logger: logger)
        return try await whileRunning(producer) { try await body(fixture) }
    }

    var publisher: KafkaMessagePublisher { KafkaMessagePublisher(producer: producer) }

    func consumer(group: String, topics: [String]) throws -> KafkaConsumer {
        try KafkaConsumer(
            configuration: .init(
                kafka: kafka,
                groupID: group,
                topics: topics,
                sessionTimeout: .seconds(6),
                maxPollInterval: .seconds(6),
                revokeTimeout: .seconds(4)
            ),
            logger: logger
        )
    }

    /// Runs a Kafka consumer and an ``EventConsumer`` on it in a ServiceGroup while `body` runs, then
    /// shuts them down gracefully (the event consumer first).
    func withEventConsumer<Result: Sendable>(
        group: String,
        topics: [String],
        database: TestDatabase,
        onBatch: @escaping @Sendable (EventConsumer.BatchReport) -> Void = { _ in },
        handler: @escaping EventConsumer.Handler,
        _ body: () async throws -> Result
    ) async throws -> Result {
        let consumer = try consumer(group: group, topics: topics)
        let eventConsumer = EventConsumer(
            consumer: consumer,
            deadLetters: publisher,
            client: database.client,
            outbox: database.outbox,
            configuration: .init(
                name: group,
                backoff: RetryBackoff(initialDelay: .milliseconds(10), maximumDelay: .milliseconds(200)),
                onBatch: onBatch
            ),
            logger: logger,
            handler: handler
        )
        // A handler that keeps failing transiently never finishes its batch; cancel it after 10 s.
        return try await withServiceGroup([consumer, eventConsumer], logger: logger, maximumGracefulShutdownDuration: .seconds(10), body)
    }

    /// Runs an ``EventConsumer`` in `group` with ``EventConsumerTests/countingHandler(_:)`` until its
    /// tally satisfies `done`; returns the tally and how often the handler was called.
    func consumeCounting(
        group: String = "routing", topics: [String], database: TestDatabase, until what: String,
        _ done: (EventConsumer.BatchReport) -> Bool
    ) async throws -> (report: EventConsumer.BatchReport, calls: Int) {
        let tally = BatchTally()
        let calls = CallCounter()
        try await withEventConsumer(
            group: group, topics: topics, database: database, onBatch: tally.add, handler: EventConsumerTests.countingHandler(calls)
        ) {
            try await waitUntil(what) { done(tally.current) }
        }
        return (tally.current, calls.value)
    }

    /// Reads `count` records of `topic` with a fresh group.
    func read(_ count: Int, from topic: String) async throws -> [KafkaConsumerMessage] {
        try await TopicReader(kafka: kafka, logger: logger).read(count, from: topic)
    }
}

/// Counts handler calls.
final class CallCounter: Sendable {
    private let count = Mutex(0)
    func increment() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}

/// A publisher that really publishes, then "dies" before the relay can mark the rows sent.
struct CrashAfterPublishing: MessagePublisher {
    let wrapped: any MessagePublisher
    let published: CallCounter

    func publish(_ messages: [OutgoingMessage]) async -> [Result<Void, any Error>] {
        let results = await wrapped.publish(messages)
        for case .success in results { published.increment() }
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(3600))
        }
        return messages.map { _ in .failure(CancellationError()) }
    }
}

@Suite("Event consumer, relay and dead letters with a real broker (Tansu) and PostgreSQL")
struct EventConsumerTests {
    static func topic() -> String { "gridloop.test.\(UUID().uuidString.prefix(8).lowercased())" }

    /// Counts the event on its case; rejects events whose payload is not ``Happened``.
    static func countingHandler(_ calls: CallCounter) -> EventConsumer.Handler {
        { consumed, transaction in
            calls.increment()
            let event = try consumed.requireEvent()
            _ = try event.decodePayload(Happened.self)
            try await transaction.connection.query(
                """
                INSERT INTO svc.cases (id, stage, events) VALUES (\(event.subject ?? ""), 'seen', 1)
                ON CONFLICT (id) DO UPDATE SET events = cases.events + 1
                """,
                logger: transaction.logger
            )
        }
    }

    @Test("killing the relay between publish and mark-sent republishes; the consumer's inbox drops the duplicates")
    func relayCrashIsDeduplicated() async throws {
        let topic = Self.topic()
        try await TestDatabase.withDatabase { database in
            try await database.migrate()
            try await KafkaFixture.with(topics: [topic], logger: database.logger) { kafka in
                for sequence in 1...3 {
                    for key in ["C-1", "C-2"] {
                        try await database.outbox.withTransaction(on: database.client, logger: database.logger) { transaction in
                            try transaction.enqueue(testEvent(key: key, sequence: sequence), topic: topic)
                        }
                    }
                }
                let delivered = CallCounter()
                let doomed = database.relay(to: CrashAfterPublishing(wrapped: kafka.publisher, published: delivered))
                try await whileRunning(doomed) {
                    try await waitUntil("the broker confirmed all 6 events") { delivered.value == 6 }
                }
                #expect(try await database.outboxEventIDs().count == 6, "the crashed relay marked nothing sent")

                let successor = database.relay(to: kafka.publisher)
                try await whileRunning(successor) {
                    try await waitUntil("the outbox is empty") { try await database.outboxEventIDs().isEmpty }
                }

                let (tally, calls) = try await kafka.consumeCounting(
                    topics: [topic], database: database, until: "all 12 records are consumed") { $0.messages == 12 }
                #expect(tally.processed == 6)
                #expect(tally.duplicates == 6)
                #expect(calls == 6)
                #expect(try await database.integer("SELECT sum(events)::int8 FROM svc.cases") == 6)
                #expect(try await database.integer("SELECT count(*) FROM svc.inbox WHERE consumer = 'routing'") == 6)
            }
        }
    }

    @Test("a poison message goes to <topic>.dlt with its origin and error in headers; the consumer moves on and commits")
    func deadLettersPoison() async throws {
        let topic = Self.topic()
        try await TestDatabase.withDatabase { database in
            try await database.migrate()
            try await KafkaFixture.with(topics: [topic], logger: database.logger) { kafka in
                var poison = testEvent(key: "C-1", sequence: 2)
                poison.data = Array(#"{"sequence":"two"}"#.utf8)
                let records = try [
                    testEvent(key: "C-1", sequence: 1).kafkaMessage(topic: topic),
                    poison.kafkaMessage(topic: topic),
                    OutgoingMessage(topic: topic, key: Array("C-1".utf8), headers: [], value: Array("not an event".utf8)),
                    testEvent(key: "C-1", sequence: 3).kafkaMessage(topic: topic),
                ]
                var reports: [KafkaDeliveryReport] = []
                for record in records {
                    reports.append(try await kafka.producer.send(KafkaProducerMessage(record)))
                }

                let (tally, _) = try await kafka.consumeCounting(
                    topics: [topic], database: database, until: "the 4 records are consumed") { $0.messages == 4 }
                #expect(tally.processed == 2)
                #expect(tally.deadLettered == 2)
                #expect(try await database.integer("SELECT events FROM svc.cases WHERE id = 'C-1'") == 2)

                let deadLetters = try await kafka.read(2, from: DeadLetter.topic(for: topic))
                    .sorted { ($0.headers.first { $0.name == "dlt.original.offset" }?.value ?? []).lexicographicallyPrecedes($1.headers.first { $0.name == "dlt.original.offset" }?.value ?? []) }
                #expect(deadLetters.count == 2)
                for (letter, original) in zip(deadLetters, [(records[1], reports[1]), (records[2], reports[2])]) {
                    let headers = letter.headers.map(MessageHeader.init)
                    #expect(headers.text(named: "dlt.original.topic") == topic)
                    #expect(headers.text(named: "dlt.original.partition") == String(original.1.partition))
                    #expect(headers.text(named: "dlt.original.offset") == String(original.1.offset))
                    #expect(headers.text(named: "dlt.consumer") == "routing")
                    #expect(headers.text(named: "dlt.failed.at") != nil)
                    #expect(letter.value == original.0.value ?? [])
                    #expect(letter.key == original.0.key)
                    for header in original.0.headers {
                        #expect(headers.contains(header), "original header \(header.name) is kept")
                    }
                }
                let poisonHeaders = deadLetters[0].headers.map(MessageHeader.init)
                #expect(poisonHeaders.text(named: "dlt.error.type") == "GridRuntime.CloudEventError")
                #expect(poisonHeaders.text(named: "dlt.error.message")?.contains("sequence") == true)
                let notAnEvent = deadLetters[1].headers.map(MessageHeader.init)
                #expect(notAnEvent.text(named: "dlt.error.message")?.contains("specversion") == true)

                // The offsets were committed: a new member of the group sees only what comes next.
                _ = try await kafka.producer.send(KafkaProducerMessage(testEvent(key: "C-1", sequence: 4).kafkaMessage(topic: topic)))
                let (laterTally, laterCalls) = try await kafka.consumeCounting(
                    topics: [topic], database: database, until: "the new record is consumed") { $0.messages >= 1 }
                #expect(laterTally.messages == 1)
                #expect(laterCalls == 1)
            }
        }
    }

    @Test("offsets are committed only after the transaction: a batch whose transaction never commits is delivered again")
    func commitsOnlyAfterTransaction() async throws {
        let topic = Self.topic()
        try await TestDatabase.withDatabase { database in
            try await database.migrate()
            try await KafkaFixture.with(topics: [topic], logger: database.logger) { kafka in
                for sequence in 1...3 {
                    _ = try await kafka.producer.send(
                        KafkaProducerMessage(testEvent(key: "C-\(sequence)", sequence: sequence).kafkaMessage(topic: topic))
                    )
                }
                let failingCalls = CallCounter()
                let failingTally = BatchTally()
                try await kafka.withEventConsumer(
                    group: "routing",
                    topics: [topic],
                    database: database,
                    onBatch: failingTally.add,
                    handler: { _, _ in
                        failingCalls.increment()
                        throw RetryableTestError()
                    }
                ) {
                    try await waitUntil("the handler has been retried") { failingCalls.value >= 3 }
                }
                #expect(failingTally.current.messages == 0, "the failing batch was never committed")
                #expect(try await database.integer("SELECT count(*) FROM svc.inbox") == 0)

                let (_, calls) = try await kafka.consumeCounting(
                    topics: [topic], database: database, until: "the 3 records are delivered again and processed") { $0.processed == 3 }
                #expect(calls == 3)
                #expect(try await database.integer("SELECT count(*) FROM svc.inbox") == 3)
            }
        }
    }
}
