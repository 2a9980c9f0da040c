import GridRuntime
import Logging
import PostgresNIO
import Synchronization
import Testing
import TestSupport

/// Work given up on by `withDatabaseDeadline` must not keep its locks: its connection is closed, so the
/// server rolls the transaction back. Each test leaves a transaction holding a row lock asleep in
/// `pg_sleep(600)` past a short deadline, then checks that the backend ends and the retry gets the lock.
/// (The waits are bounds against hanging: without the fix the lock would be held for ten minutes.)
@Suite("Database deadlines release abandoned work (real PostgreSQL)")
struct DatabaseDeadlineTests {
    @Test("a transaction given up on is closed: its backend ends, its row lock is free, the retry succeeds")
    func abandonedTransactionReleasesLock() async throws {
        try await TestDatabase.withDatabase { database in
            try await database.migrate()
            try await database.insertCase("C-1")
            let logger = database.logger
            let pid = try await database.client.withConnection { connection in
                try await connection.query("BEGIN", logger: logger)
                let pid = try await database.lockCase("C-1", on: connection)
                await #expect(throws: DatabaseDeadlineExceeded.self) {
                    try await withDatabaseDeadline(
                        .seconds(2), "a transaction asleep holding a row lock", closing: DeadlineConnection(connection)
                    ) {
                        try await connection.query("SELECT pg_sleep(600)", logger: logger)
                    }
                }
                return pid
            }
            try await waitUntil("the abandoned transaction's backend has ended") { try await !database.backendExists(pid) }
            let locked = try await database.client.withConnection { connection in
                try await connection.withTransaction(logger: logger) { transaction in
                    try await transaction.query("SELECT id FROM svc.cases WHERE id = 'C-1' FOR UPDATE NOWAIT", logger: logger)
                        .collect().count
                }
            }
            #expect(locked == 1, "another connection takes the row lock without waiting")
            _ = try await withDatabaseDeadline(.seconds(60), "the retry") {
                try await database.client.query("UPDATE svc.cases SET events = events + 1 WHERE id = 'C-1'", logger: logger)
            }
            #expect(try await database.integer("SELECT events FROM svc.cases WHERE id = 'C-1'") == 1)
        }
    }

    @Test("a connection leased after the deadline passed is closed at once and the late work is stopped")
    func lateLeaseIsClosed() async throws {
        try await TestDatabase.withDatabase { database in
            let leased = DeadlineConnection()
            let late = LateLease()
            await #expect(throws: DatabaseDeadlineExceeded.self) {
                try await withDatabaseDeadline(.seconds(2), "work that leases its connection late", closing: leased) {
                    // Stands for a lease granted just as the deadline passed: it ends the sleep (the work is
                    // cancelled) and is taken in a task of its own, which the cancellation does not reach.
                    try? await Task.sleep(for: .seconds(600))
                    try await Task {
                        try await database.client.withConnection { connection in
                            late.leased(connection)
                            do {
                                try leased.record(connection)
                            } catch {
                                late.refused()
                                throw error
                            }
                        }
                    }.value
                }
            }
            try await waitUntil("the late lease was refused") { late.wasRefused }
            // Bounded below the pool's 60 s idle timeout, which would close the connection anyway.
            try await waitUntil("the late connection is closed", timeout: .seconds(30)) { late.connection?.isClosed == true }
        }
    }

    @Test("the inbox closes a transaction past its deadline: its lock is freed and the retry handles the event once")
    func inboxReleasesAbandonedTransaction() async throws {
        try await TestDatabase.withDatabase { database in
            try await database.migrate()
            try await database.insertCase("C-1")
            let inbox = Inbox(
                outbox: database.outbox,
                client: database.client,
                configuration: .init(
                    consumerName: "routing",
                    backoff: RetryBackoff(initialDelay: .milliseconds(5), maximumDelay: .milliseconds(20)),
                    transactionDeadline: .seconds(5)
                ),
                logger: database.logger
            )
            let sleeper = Sleeper()
            let outcomes = try await withTimeout("the inbox to process the event", timeout: .seconds(120)) {
                try await inbox.process([testEvent(key: "C-1", sequence: 1)]) { event, transaction in
                    if sleeper.isFirstAttempt() {
                        sleeper.record(pid: try await database.lockCase("C-1", on: transaction.connection))
                        try await transaction.connection.query("SELECT pg_sleep(600)", logger: transaction.logger)
                    }
                    try await InboxTests.handle(event, transaction)
                }
            }
            let pid = try #require(sleeper.pid, "the first attempt took the lock before its deadline")
            #expect(sleeper.attempts >= 2)
            #expect(try await !database.backendExists(pid), "the abandoned attempt's backend is gone")
            #expect(["processed", "duplicate"].contains(InboxTests.outcomeNames(outcomes).first ?? ""))
            #expect(try await database.integer("SELECT events FROM svc.cases WHERE id = 'C-1'") == 1)
            #expect(try await database.outboxEventIDs() == ["counted-C-1-1"])
        }
    }

    @Test("the relay closes a mark-sent transaction past its deadline; the next round deletes the rows")
    func relayReleasesAbandonedMarkSent() async throws {
        try await TestDatabase.withDatabase { database in
            try await database.migrate()
            // The first row the relay deletes stalls its transaction, which then holds that row's lock.
            // (A sequence is not rolled back, so only the first delete ever stalls.)
            for statement: PostgresQuery in [
                "CREATE SEQUENCE svc.stall_once",
                """
                CREATE FUNCTION svc.stall_first_delete() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF nextval('svc.stall_once') = 1 THEN PERFORM pg_sleep(600); END IF;
                    RETURN OLD;
                END $$
                """,
                "CREATE TRIGGER stall_first_delete AFTER DELETE ON svc.outbox FOR EACH ROW EXECUTE FUNCTION svc.stall_first_delete()",
            ] {
                try await database.client.query(statement, logger: database.logger)
            }
            try await RelayTests.write(database, keys: ["A"], count: 1)
            let broker = FakeBroker()
            var configuration = RelayTests.fast
            configuration.databaseTimeout = .seconds(3)
            let relay = database.relay(to: ScriptedPublisher(broker: broker, name: "r1"), configuration: configuration)
            try await whileRunning(relay) {
                var stalled: Int?
                try await waitUntil("the relay's mark-sent transaction is asleep") {
                    stalled = try await database.sleepingBackend()
                    return stalled != nil
                }
                let pid = try #require(stalled)
                try await waitUntil("the abandoned mark-sent transaction's backend has ended") {
                    try await !database.backendExists(pid)
                }
                try await waitUntil("the next round deletes the row") { try await database.outboxEventIDs().isEmpty }
            }
            #expect(try await database.integer("SELECT last_value FROM svc.stall_once") >= 2, "the delete was retried")
            let delivered = await broker.eventIDs
            #expect(Set(delivered) == ["A-1"])
            #expect(delivered.count >= 2, "published again after the rolled-back mark-sent")
        }
    }
}

extension TestDatabase {
    /// Inserts a case row.
    func insertCase(_ id: String) async throws {
        try await client.query("INSERT INTO svc.cases (id, stage) VALUES (\(id), 'filed')", logger: logger)
    }

    /// Locks the case row `FOR UPDATE` on `connection` (in its transaction); returns the backend's pid.
    func lockCase(_ id: String, on connection: PostgresConnection) async throws -> Int {
        let rows = try await connection.query(
            "SELECT pg_backend_pid()::int8 FROM svc.cases WHERE id = \(id) FOR UPDATE",
            logger: logger
        )
        var pid: Int?
        for try await value in rows.decode(Int.self) { pid = value }
        guard let pid else { throw TestDatabaseError("case \(id) does not exist") }
        return pid
    }
}

/// The inbox test's attempts: the first one records the backend that holds the lock and sleeps.
private final class Sleeper: Sendable {
    private let state = Mutex((attempts: 0, pid: Int?.none))

    /// Counts an attempt; `true` for the first.
    func isFirstAttempt() -> Bool { state.withLock { $0.attempts += 1; return $0.attempts == 1 } }

    /// Records the first attempt's backend.
    func record(pid: Int) { state.withLock { $0.pid = pid } }

    var attempts: Int { state.withLock { $0.attempts } }
    var pid: Int? { state.withLock { $0.pid } }
}

/// What happened to the connection of work that leased it after its deadline.
private final class LateLease: Sendable {
    private let state = Mutex((connection: PostgresConnection?.none, refused: false))

    func leased(_ connection: PostgresConnection) { state.withLock { $0.connection = connection } }
    func refused() { state.withLock { $0.refused = true } }

    var connection: PostgresConnection? { state.withLock { $0.connection } }
    var wasRefused: Bool { state.withLock { $0.refused } }
}
