import GridRuntime
import Logging
import PostgresNIO
import Testing
import TestSupport

@Suite("Migration runner (real PostgreSQL)")
struct MigrationRunnerTests {
    static let service = try! MigrationSet(
        name: "demo",
        migrations: [
            Migration(version: 1, name: "cases", sql: "CREATE TABLE cases (id text PRIMARY KEY, location geometry(Point, 4326));"),
            Migration(
                version: 2,
                name: "stages",
                sql: """
                    ALTER TABLE cases ADD COLUMN stage text NOT NULL DEFAULT 'reported';
                    -- fails if applied twice: the row violates the primary key the second time
                    INSERT INTO cases (id) VALUES ('seed');
                    """
            ),
        ]
    )

    func runner(_ database: TestDatabase, tolerant: Bool = true) -> MigrationRunner {
        MigrationRunner(
            configuration: .init(schema: database.schema, toleratesUnknownAppliedMigrations: tolerant),
            logger: database.logger
        )
    }

    func history(_ database: TestDatabase) async throws -> [String] {
        let rows = try await database.client.query(
            "SELECT migration_set, version FROM svc.schema_migrations ORDER BY migration_set, version",
            logger: database.logger
        )
        var result: [String] = []
        for try await (set, version) in rows.decode((String, Int).self) { result.append("\(set)/\(version)") }
        return result
    }

    @Test("applies the platform set then the service set, in the service schema, once")
    func appliesOnce() async throws {
        try await TestDatabase.withDatabase { database in
            let first = try await runner(database).run(Self.service, on: database.client)
            #expect(first.applied.map { "\($0.set)/\($0.version)" } == ["gridloop/1", "demo/1", "demo/2"])
            #expect(try await history(database) == ["demo/1", "demo/2", "gridloop/1"])

            let tables = try await database.client.query(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'svc' ORDER BY table_name",
                logger: database.logger
            )
            var names: [String] = []
            for try await name in tables.decode(String.self) { names.append(name) }
            #expect(names == ["cases", "inbox", "outbox", "schema_migrations"])

            let second = try await runner(database).run(Self.service, on: database.client)
            #expect(second.applied.isEmpty)
            #expect(second.alreadyApplied == 3)
        }
    }

    @Test("concurrent runners apply every migration exactly once")
    func concurrentRunners() async throws {
        try await TestDatabase.withDatabase { database in
            let reports = try await withThrowingTaskGroup(of: MigrationRunner.Report.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        try await database.withClient(maximumConnections: 2) { client in
                            try await runner(database).run(Self.service, on: client)
                        }
                    }
                }
                var reports: [MigrationRunner.Report] = []
                for try await report in group { reports.append(report) }
                return reports
            }
            let appliedCount = reports.reduce(0) { $0 + $1.applied.count }
            #expect(appliedCount == 3, "each of the 3 migrations is applied by exactly one runner")
            #expect(reports.allSatisfy { $0.applied.count + $0.alreadyApplied == 3 })
            #expect(try await history(database) == ["demo/1", "demo/2", "gridloop/1"])
            let seeds = try await database.client.query("SELECT count(*) FROM svc.cases", logger: database.logger)
            for try await count in seeds.decode(Int.self) { #expect(count == 1) }
        }
    }

    @Test("a changed applied migration is a startup error")
    func changedMigration() async throws {
        try await TestDatabase.withDatabase { database in
            try await runner(database).run(Self.service, on: database.client)
            var migrations = Self.service.migrations
            migrations[0] = Migration(version: 1, name: "cases", sql: "CREATE TABLE cases (id bigint PRIMARY KEY);")
            let edited = try MigrationSet(name: "demo", migrations: migrations)
            let error = try await #require(throws: MigrationError.self) {
                try await runner(database).run(edited, on: database.client)
            }
            #expect(error.code == .checksumMismatch)
            #expect(error.message.contains("demo/1 'cases'"))
        }
    }

    @Test("a failing statement names migration, statement and line, and leaves nothing behind")
    func failingStatement() async throws {
        try await TestDatabase.withDatabase { database in
            let broken = try MigrationSet(
                name: "demo",
                migrations: [
                    Migration(version: 1, name: "half", sql: "CREATE TABLE ok (id int);\n\nCREATE TABLE bad (id no_such_type);")
                ]
            )
            let error = try await #require(throws: MigrationError.self) {
                try await runner(database).run(broken, on: database.client)
            }
            #expect(error.code == .statementFailed)
            #expect(error.message.contains("demo/1 'half', statement 2 (line 3)"))
            #expect(error.message.contains("no_such_type"))
            #expect(try await history(database) == ["gridloop/1"])
            let tables = try await database.client.query(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'svc' AND table_name = 'ok'",
                logger: database.logger
            )
            for try await count in tables.decode(Int.self) { #expect(count == 0) }
        }
    }

    @Test("the service role cannot create objects outside its schema")
    func roleConfinedToSchema() async throws {
        try await TestDatabase.withDatabase { database in
            let escaping = try MigrationSet(
                name: "demo",
                migrations: [Migration(version: 1, name: "escape", sql: "CREATE TABLE public.escaped (id int);")]
            )
            let error = try await #require(throws: MigrationError.self) {
                try await runner(database).run(escaping, on: database.client)
            }
            #expect(error.message.contains("permission denied"))
        }
    }

    @Test("a missing schema is a clear startup error")
    func missingSchema() async throws {
        try await TestDatabase.withDatabase { database in
            let runner = MigrationRunner(configuration: .init(schema: try PostgresIdentifier("absent")), logger: database.logger)
            let error = try await #require(throws: MigrationError.self) {
                try await runner.run(Self.service, on: database.client)
            }
            #expect(error.code == .schemaMissing)
        }
    }

    @Test("a new migration older than an applied one is refused")
    func outOfOrder() async throws {
        try await TestDatabase.withDatabase { database in
            let later = try MigrationSet(name: "demo", migrations: [Migration(version: 5, name: "five", sql: "SELECT 1;")])
            try await runner(database).run(later, on: database.client)
            let withOlder = try MigrationSet(
                name: "demo",
                migrations: later.migrations + [Migration(version: 3, name: "three", sql: "SELECT 1;")]
            )
            let error = try await #require(throws: MigrationError.self) {
                try await runner(database).run(withOlder, on: database.client)
            }
            #expect(error.code == .outOfOrder)
        }
    }

    @Test("migrations unknown to the code are tolerated by default and refused when configured")
    func unknownApplied() async throws {
        try await TestDatabase.withDatabase { database in
            try await runner(database).run(Self.service, on: database.client)
            let older = try MigrationSet(name: "demo", migrations: [Self.service.migrations[0]])
            let report = try await runner(database).run(older, on: database.client)
            #expect(report.applied.isEmpty)
            let error = try await #require(throws: MigrationError.self) {
                try await runner(database, tolerant: false).run(older, on: database.client)
            }
            #expect(error.code == .unknownAppliedMigration)
        }
    }

    @Test("invalid migration sets are refused with every problem listed")
    func invalidSet() throws {
        let error = try #require(throws: MigrationError.self) {
            try MigrationSet(
                name: "demo",
                migrations: [
                    Migration(version: 1, name: "a", sql: ""), Migration(version: 1, name: "b", sql: ""),
                    Migration(version: 0, name: "", sql: ""),
                ]
            )
        }
        #expect(error.message.contains("version 1 appears more than once"))
        #expect(error.message.contains("version 0 ('') is not positive"))
        #expect(error.message.contains("version 0 has an empty name"))
    }

    @Test("checksums are SHA-256 of the SQL with CRLF read as LF")
    func checksums() {
        let migration = Migration(version: 1, name: "x", sql: "SELECT 1;")
        // Known answer: `printf 'SELECT 1;' | sha256sum`.
        #expect(migration.checksum == "17db4fd369edb9244b9f91d9aeed145c3d04ad8ba6e95d06247f07a63527d11a")
        #expect(Migration.checksum(of: "a\r\nb") == Migration.checksum(of: "a\nb"))
        #expect(Migration.checksum(of: "a") != Migration.checksum(of: "b"))
    }
}
