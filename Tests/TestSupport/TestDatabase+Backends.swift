import Logging
import PostgresNIO

extension TestDatabase {
    /// Whether the server still has backend `pid` on this database.
    public func backendExists(_ pid: Int) async throws -> Bool {
        try await withSuperuserConnection { connection in
            let rows = try await connection.query(
                "SELECT count(*) FROM pg_stat_activity WHERE pid = \(pid) AND datname = \(name)",
                logger: logger
            )
            var count = 0
            for try await value in rows.decode(Int.self) { count = value }
            return count > 0
        }
    }

    /// A backend of the service role on this database asleep in `pg_sleep`, if any.
    public func sleepingBackend() async throws -> Int? {
        try await withSuperuserConnection { connection in
            let rows = try await connection.query(
                """
                SELECT pid::int8 FROM pg_stat_activity
                WHERE datname = \(name) AND usename = \(role) AND wait_event = 'PgSleep' LIMIT 1
                """,
                logger: logger
            )
            var pid: Int?
            for try await value in rows.decode(Int.self) { pid = value }
            return pid
        }
    }

    /// Makes the first row `UPDATE` of `table` (in the service schema) fall asleep for ten minutes
    /// inside its transaction, holding its locks: a stand-in for a statement that never returns.
    /// Later updates run normally (the counting sequence is not rolled back with the stalled
    /// transaction). With `condition` (a trigger `WHEN` clause over `OLD`/`NEW`), only updates matching
    /// it count. Returns the sequence's name, whose `last_value` counts the updates tried.
    @discardableResult
    public func stallFirstUpdate(of table: String, when condition: String = "true") async throws -> String {
        let sequence = "stall_once_\(table)"
        let function = "stall_first_update_\(table)"
        let statements = [
            "CREATE SEQUENCE \(sequence)",
            """
            CREATE FUNCTION \(function)() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF nextval('\(sequence)') = 1 THEN PERFORM pg_sleep(600); END IF;
                RETURN NEW;
            END $$
            """,
            "CREATE TRIGGER \(function) BEFORE UPDATE ON \(table) FOR EACH ROW WHEN (\(condition)) EXECUTE FUNCTION \(function)()",
        ]
        for statement in statements {
            try await client.query(PostgresQuery(unsafeSQL: statement), logger: logger)
        }
        return sequence
    }

    /// The `last_value` of `sequence`.
    public func lastValue(of sequence: String) async throws -> Int {
        let rows = try await client.query(PostgresQuery(unsafeSQL: "SELECT last_value FROM \(sequence)"), logger: logger)
        var value = 0
        for try await last in rows.decode(Int.self) { value = last }
        return value
    }
}
