import Foundation
import GridRuntime
import Logging
import PostgresNIO
import Testing
import TestSupport

/// A stand-in broker: the messages "delivered" to it, in order, with the name of the relay that sent each.
actor FakeBroker {
    private(set) var delivered: [(relay: String, message: OutgoingMessage)] = []

    func deliver(_ messages: [OutgoingMessage], by relay: String) {
        delivered += messages.map { (relay, $0) }
    }

    /// The event ids delivered, in order.
    var eventIDs: [String] { delivered.compactMap { $0.message.headers.text(named: "ce_id") } }

    /// The delivered event ids of `key`, in order.
    func eventIDs(key: String) -> [String] {
        delivered.filter { $0.message.key == Array(key.utf8) }.compactMap { $0.message.headers.text(named: "ce_id") }
    }

    /// The names of the relays that delivered something.
    var relays: Set<String> { Set(delivered.map(\.relay)) }

    /// Decodes every delivered message as a CloudEvent.
    func events() throws -> [CloudEvent] {
        try delivered.map { try CloudEvent(kafkaHeaders: $0.message.headers, value: $0.message.value) }
    }
}

/// A test double for failure injection: delivers to a ``FakeBroker`` and can fail keys, fail whole
/// rounds, or "crash" after delivering (hang until cancelled, so the relay never marks the rows sent).
actor ScriptedPublisher: MessagePublisher {
    struct Refused: Error, CustomStringConvertible {
        var description: String { "broker refused the message (scripted)" }
    }

    enum Mode {
        case deliver
        case failKeys(Set<String>)
        case failRounds(Int)
        case crashAfterDelivering
    }

    let broker: FakeBroker
    let name: String
    private var mode: Mode
    private(set) var rounds = 0

    init(broker: FakeBroker, name: String, mode: Mode = .deliver) {
        self.broker = broker
        self.name = name
        self.mode = mode
    }

    func setMode(_ mode: Mode) { self.mode = mode }

    func publish(_ messages: [OutgoingMessage]) async -> [Result<Void, any Error>] {
        rounds += 1
        switch mode {
        case .deliver:
            await broker.deliver(messages, by: name)
            return messages.map { _ in .success(()) }
        case .failKeys(let keys):
            let isFailing = { (message: OutgoingMessage) in
                message.key.map { keys.contains(String(decoding: $0, as: UTF8.self)) } ?? false
            }
            await broker.deliver(messages.filter { !isFailing($0) }, by: name)
            return messages.map { isFailing($0) ? .failure(Refused()) : .success(()) }
        case .failRounds(let remaining):
            guard remaining > 0 else {
                mode = .deliver
                return await publish(messages)
            }
            mode = .failRounds(remaining - 1)
            return messages.map { _ in .failure(Refused()) }
        case .crashAfterDelivering:
            await broker.deliver(messages, by: name)
            // The process "dies" here: delivery reports are in, the rows are not yet marked sent.
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(3600))
            }
            return messages.map { _ in .failure(CancellationError()) }
        }
    }
}

@Suite("Outbox relay with a scripted publisher (real PostgreSQL)")
struct RelayTests {
    static let fast = OutboxRelay.Configuration(
        batchSize: 100,
        pollInterval: .milliseconds(200),
        leadershipRetryInterval: .milliseconds(100),
        backoff: RetryBackoff(initialDelay: .milliseconds(10), maximumDelay: .milliseconds(100)),
        // Well above a slow round on a loaded machine: a deadline that fires on a live round closes its
        // connection and the batch is published again, which would upset these tests' exact counts
        // (see the connection-loss test and DatabaseDeadlineTests for short ones).
        databaseTimeout: .seconds(60)
    )

    /// Writes `count` events per key, one transaction per event, keys interleaved.
    static func write(_ database: TestDatabase, keys: [String], count: Int, from first: Int = 1) async throws {
        for sequence in first..<(first + count) {
            for key in keys {
                try await database.outbox.withTransaction(on: database.client, logger: database.logger) { transaction in
                    try transaction.enqueue(testEvent(key: key, sequence: sequence), topic: "gridloop.test")
                }
            }
        }
    }

    static func expected(key: String, _ range: ClosedRange<Int>) -> [String] { range.map { "\(key)-\($0)" } }

    @Test("rows are published in id order per key and removed once delivered")
    func publishesInOrder() async throws {
        try await TestDatabase.withDatabase { database in
            try await database.migrate()
            try await Self.write(database, keys: ["A", "B", "C"], count: 120)
            let broker = FakeBroker()
            let relay = database.relay(to: ScriptedPublisher(broker: broker, name: "r1"))
            try await whileRunning(relay) {
                try await waitUntil("the outbox is empty") { try await database.outboxEventIDs().isEmpty }
            }
            #expect(await broker.delivered.count == 360)
            for key in ["A", "B", "C"] {
                #expect(await broker.eventIDs(key: key) == Self.expected(key: key, 1...120))
            }
        }
    }

    @Test("a failing key waits (later rows of it stay) while other keys flow; it catches up in order")
    func failingKeyWaits() async throws {
        try await TestDatabase.withDatabase { database in
            try await database.migrate()
            try await Self.write(database, keys: ["A", "B"], count: 3)
            let broker = FakeBroker()
            let publisher = ScriptedPublisher(broker: broker, name: "r1", mode: .failKeys(["A"]))
            let relay = database.relay(to: publisher)
            try await whileRunning(relay) {
                try await waitUntil("B is delivered and only A is left") {
                    try await database.outboxEventIDs() == ["A-1", "A-2", "A-3"]
                }
                try await waitUntil("A-1 has been tried at least twice") {
                    try await database.integer("SELECT attempts FROM svc.outbox WHERE event_id = 'A-1'") >= 2
                }
                #expect(try await database.integer("SELECT attempts FROM svc.outbox WHERE event_id = 'A-2'") == 0)
                let lastError = try await database.client.query(
                    "SELECT last_error FROM svc.outbox WHERE event_id = 'A-1'",
                    logger: database.logger
                )
                for try await error in lastError.decode(String.self) { #expect(error.contains("scripted")) }
                await publisher.setMode(.deliver)
                try await waitUntil("A is delivered too") { try await database.outboxEventIDs().isEmpty }
            }
            #expect(await broker.eventIDs(key: "A") == Self.expected(key: "A", 1...3))
            #expect(await broker.eventIDs(key: "B") == Self.expected(key: "B", 1...3))
        }
    }

    @Test("the relay keeps retrying through a broker outage and then delivers everything")
    func survivesOutage() async throws {
        try await TestDatabase.withDatabase { database in
            try await database.migrate()
            try await Self.write(database, keys: ["A", "B"], count: 5)
            let broker = FakeBroker()
            let publisher = ScriptedPublisher(broker: broker, name: "r1", mode: .failRounds(5))
            let relay = database.relay(to: publisher)
            try await whileRunning(relay) {
                try await waitUntil("the outbox is empty") { try await database.outboxEventIDs().isEmpty }
            }
            #expect(await publisher.rounds >= 6)
            #expect(await broker.eventIDs(key: "A") == Self.expected(key: "A", 1...5))
            #expect(await broker.eventIDs(key: "B") == Self.expected(key: "B", 1...5))
        }
    }

    @Test("an idle relay is woken by the commit's NOTIFY, not only by polling")
    func wokenByNotify() async throws {
        try await TestDatabase.withDatabase { database in
            try await database.migrate()
            var configuration = Self.fast
            configuration.pollInterval = .seconds(3600)
            let broker = FakeBroker()
            let relay = database.relay(to: ScriptedPublisher(broker: broker, name: "r1"), configuration: configuration)
            try await whileRunning(relay) {
                try await Self.write(database, keys: ["A"], count: 1)
                try await waitUntil("A-1 is delivered") { await broker.eventIDs == ["A-1"] }
                // The relay now waits for a notification (the poll interval is an hour).
                try await Self.write(database, keys: ["A"], count: 1, from: 2)
                try await waitUntil("A-2 is delivered") { await broker.eventIDs == ["A-1", "A-2"] }
            }
        }
    }

    @Test("two replicas: one leads, nothing is published twice, and the standby takes over when the leader stops")
    func singleActiveRelay() async throws {
        try await TestDatabase.withDatabase { database in
            try await database.migrate()
            let broker = FakeBroker()
            try await database.withClient { secondClient in
                let relays = [
                    "first": database.relay(to: ScriptedPublisher(broker: broker, name: "first")),
                    "second": OutboxRelay(
                        outbox: database.outbox,
                        client: secondClient,
                        publisher: ScriptedPublisher(broker: broker, name: "second"),
                        configuration: Self.fast,
                        logger: database.logger
                    ),
                ]
                let tasks = relays.mapValues { relay in Task { try await relay.run() } }
                do {
                    try await Self.write(database, keys: ["A", "B", "C", "D"], count: 50)
                    try await waitUntil("the first 200 events are delivered") { await broker.delivered.count == 200 }
                    #expect(await broker.relays.count == 1, "only the leader publishes")
                    let leader = try #require(await broker.relays.first)
                    tasks[leader]!.cancel()
                    _ = await tasks[leader]!.result
                    try await Self.write(database, keys: ["A", "B", "C", "D"], count: 50, from: 51)
                    try await waitUntil("the standby delivers the rest") { await broker.delivered.count == 400 }
                } catch {
                    for task in tasks.values { task.cancel() }
                    throw error
                }
                for task in tasks.values {
                    task.cancel()
                    _ = await task.result
                }
            }
            #expect(await broker.relays == ["first", "second"], "leadership moved to the other replica")
            #expect(Set(await broker.eventIDs).count == 400, "no event was published twice")
            for key in ["A", "B", "C", "D"] {
                #expect(await broker.eventIDs(key: key) == Self.expected(key: key, 1...100))
            }
        }
    }

    @Test("the relay survives losing its database connection: it reconnects, is elected again and carries on")
    func survivesConnectionLoss() async throws {
        try await TestDatabase.withDatabase { database in
            try await database.migrate()
            let broker = FakeBroker()
            var configuration = Self.fast
            configuration.databaseTimeout = .seconds(5)  // a request stuck on a killed connection is given up soon
            let relay = database.relay(to: ScriptedPublisher(broker: broker, name: "r1"), configuration: configuration)
            try await whileRunning(relay) {
                try await Self.write(database, keys: ["A"], count: 3)
                try await waitUntil("the first events are delivered") { await broker.eventIDs.count == 3 }
                #expect(try await database.terminateServiceConnections() >= 1)
                // The test's own pool lost its connections too and may hand out one that is just being
                // closed: retry the write until it lands.
                // (Bounded: a write sent on a connection the server is closing may never complete.)
                try await waitUntil("an event is written after the cut") {
                    (try? await withDatabaseDeadline(.seconds(5), "the test's write") {
                        try await Self.write(database, keys: ["A"], count: 1, from: 4)
                    }) != nil
                }
                try await waitUntil("the event written after the cut is delivered") {
                    await broker.eventIDs.contains("A-4")
                }
            }
            // At least once: a publish whose mark-sent was cut off, or a write retried after its commit
            // was cut off, may repeat an event; what counts is that none is missing and the order holds.
            var seen: Set<String> = []
            let firstOccurrences = await broker.eventIDs(key: "A").filter { seen.insert($0).inserted }
            #expect(firstOccurrences == Self.expected(key: "A", 1...4))
        }
    }

    @Test("a crash between publish and mark-sent republishes; the consumer's inbox drops the duplicates")
    func crashBetweenPublishAndMarkSent() async throws {
        try await TestDatabase.withDatabase { database in
            try await database.migrate()
            try await Self.write(database, keys: ["A", "B"], count: 2)
            let broker = FakeBroker()
            let crashing = ScriptedPublisher(broker: broker, name: "crashed", mode: .crashAfterDelivering)
            let doomed = database.relay(to: crashing)
            try await whileRunning(doomed) {
                try await waitUntil("the doomed relay has delivered the batch") { await broker.delivered.count == 4 }
            }
            #expect(try await database.outboxEventIDs().count == 4, "nothing was marked sent")

            let successor = database.relay(to: ScriptedPublisher(broker: broker, name: "successor"))
            try await whileRunning(successor) {
                try await waitUntil("the outbox is empty") { try await database.outboxEventIDs().isEmpty }
            }
            #expect(await broker.eventIDs == ["A-1", "B-1", "A-2", "B-2", "A-1", "B-1", "A-2", "B-2"])

            let inbox = Inbox(
                outbox: database.outbox,
                client: database.client,
                configuration: .init(consumerName: "test-consumer"),
                logger: database.logger
            )
            let outcomes = try await inbox.process(try await broker.events()) { event, transaction in
                try await transaction.connection.query(
                    """
                    INSERT INTO svc.cases (id, stage, events) VALUES (\(event.subject ?? ""), 'seen', 1)
                    ON CONFLICT (id) DO UPDATE SET events = cases.events + 1
                    """,
                    logger: transaction.logger
                )
            }
            #expect(outcomes.filter { if case .processed = $0 { true } else { false } }.count == 4)
            #expect(outcomes.filter { if case .duplicate = $0 { true } else { false } }.count == 4)
            #expect(try await database.integer("SELECT sum(events)::int8 FROM svc.cases") == 4)
        }
    }
}
