import Foundation
import GridRuntime
import Logging
import PostgresNIO
import Testing
import TestSupport

/// The service migrations the outbox, relay and inbox tests use: a `cases` table for state.
let testServiceMigrations = try! MigrationSet(
    name: "test",
    migrations: [
        Migration(version: 1, name: "cases", sql: "CREATE TABLE cases (id text PRIMARY KEY, stage text NOT NULL, events integer NOT NULL DEFAULT 0);")
    ]
)

extension TestDatabase {
    /// Applies the platform and test migrations.
    func migrate() async throws {
        try await MigrationRunner(configuration: .init(schema: schema), logger: logger).run(testServiceMigrations, on: client)
    }

    var outbox: Outbox { Outbox(schema: schema) }

    /// A relay of this database's outbox to `publisher`.
    func relay(to publisher: some MessagePublisher, configuration: OutboxRelay.Configuration = RelayTests.fast) -> OutboxRelay {
        OutboxRelay(outbox: outbox, client: client, publisher: publisher, configuration: configuration, logger: logger)
    }

    /// Runs a query returning one integer.
    func integer(_ query: PostgresQuery) async throws -> Int {
        let rows = try await client.query(query, logger: logger)
        var result = 0
        for try await value in rows.decode(Int.self) { result = value }
        return result
    }

    /// The event ids left in the outbox, in id order.
    func outboxEventIDs() async throws -> [String] {
        let rows = try await client.query("SELECT event_id FROM svc.outbox ORDER BY id", logger: logger)
        var ids: [String] = []
        for try await id in rows.decode(String.self) { ids.append(id) }
        return ids
    }
}

/// The payload of test events.
struct Happened: Codable, Equatable {
    var sequence: Int
}

/// A test event `key-sequence` about `key`.
func testEvent(key: String, sequence: Int) -> CloudEvent {
    try! CloudEvent(
        id: "\(key)-\(sequence)",
        source: "/gridloop/test",
        type: "gridloop.test.happened.v1",
        subject: key,
        time: Date(),
        payload: Happened(sequence: sequence)
    )
}

@Suite("Transactional outbox (real PostgreSQL)")
struct OutboxTests {
    @Test("state and events commit together")
    func commitsTogether() async throws {
        try await TestDatabase.withDatabase { database in
            try await database.migrate()
            let count = try await database.outbox.withTransaction(on: database.client, logger: database.logger) { transaction in
                try await transaction.connection.query(
                    "INSERT INTO svc.cases (id, stage) VALUES ('C-1', 'filed')",
                    logger: transaction.logger
                )
                try transaction.enqueue(testEvent(key: "C-1", sequence: 1), topic: "gridloop.cases")
                try transaction.enqueue(testEvent(key: "C-1", sequence: 2), topic: "gridloop.cases")
                return transaction.count
            }
            #expect(count == 2)
            #expect(try await database.outboxEventIDs() == ["C-1-1", "C-1-2"])
            let rows = try await database.client.query(
                "SELECT topic, message_key, header_names, header_values, event_type FROM svc.outbox ORDER BY id LIMIT 1",
                logger: database.logger
            )
            for try await (topic, key, names, values, type) in rows.decode((String, String, [String], [String], String).self) {
                #expect(topic == "gridloop.cases")
                #expect(key == "C-1")
                #expect(type == "gridloop.test.happened.v1")
                let headers = Dictionary(uniqueKeysWithValues: zip(names, values))
                #expect(headers["ce_id"] == "C-1-1")
                #expect(headers["ce_subject"] == "C-1")
                #expect(headers["content-type"] == "application/json")
            }
        }
    }

    @Test("nothing is written when the transaction fails")
    func rollsBackTogether() async throws {
        struct Abort: Error {}
        try await TestDatabase.withDatabase { database in
            try await database.migrate()
            await #expect(throws: (any Error).self) {
                try await database.outbox.withTransaction(on: database.client, logger: database.logger) { transaction in
                    try await transaction.connection.query(
                        "INSERT INTO svc.cases (id, stage) VALUES ('C-1', 'filed')",
                        logger: transaction.logger
                    )
                    try transaction.enqueue(testEvent(key: "C-1", sequence: 1), topic: "gridloop.cases")
                    throw Abort()
                }
            }
            #expect(try await database.integer("SELECT count(*) FROM svc.cases") == 0)
            #expect(try await database.outboxEventIDs().isEmpty)
        }
    }

    @Test("unversioned event types, empty topics and repeated ids are refused")
    func invalidEntries() throws {
        var event = testEvent(key: "C-1", sequence: 1)
        event.type = "gridloop.case.filed"
        #expect(throws: OutboxError.self) { try OutboxEntry(event: event, topic: "t") }
        #expect(throws: OutboxError.self) { try OutboxEntry(event: testEvent(key: "C-1", sequence: 1), topic: "") }
    }

    @Test("a second writer of the same key waits until the first commits, so ids follow commit order per key")
    func perKeyWritersSerialise() async throws {
        try await TestDatabase.withDatabase { database in
            try await database.migrate()
            try await database.withClient { otherClient in
                let outbox = database.outbox
                let logger = database.logger
                try await withThrowingTaskGroup(of: Void.self) { group in
                    // The first writer enqueues C-1 and stays open until the test lets it commit.
                    let (release, releaseContinuation) = AsyncStream<Void>.makeStream()
                    group.addTask {
                        try await outbox.withTransaction(on: database.client, logger: logger) { transaction in
                            try transaction.enqueue(testEvent(key: "C-1", sequence: 1), topic: "t")
                            try await transaction.flush()
                            for await _ in release { break }
                        }
                    }
                    try await waitUntil("the first writer holds the C-1 lock") {
                        try await database.integer(Self.advisoryLocks(granted: true)) == 1
                    }
                    group.addTask {
                        try await outbox.withTransaction(on: otherClient, logger: logger) { transaction in
                            try transaction.enqueue(testEvent(key: "C-1", sequence: 2), topic: "t")
                        }
                    }
                    try await waitUntil("the second writer waits for the C-1 lock") {
                        try await database.integer(Self.advisoryLocks(granted: false)) == 1
                    }
                    #expect(try await database.outboxEventIDs().isEmpty)
                    releaseContinuation.finish()
                    try await group.waitForAll()
                }
            }
            #expect(try await database.outboxEventIDs() == ["C-1-1", "C-1-2"])
        }
    }

    /// Counts advisory locks in this test's database (the cluster is shared with other tests).
    static func advisoryLocks(granted: Bool) -> PostgresQuery {
        """
        SELECT count(*) FROM pg_locks
        WHERE locktype = 'advisory' AND granted = \(granted)
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
        """
    }
}
