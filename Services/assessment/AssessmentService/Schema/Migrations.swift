public import GridRuntime
public import Logging
public import PostgresNIO

/// The assessment service's own migrations (set `assessment`), applied after the platform set
/// (`outbox`, `inbox`) in the service's schema.
public enum AssessmentMigrations {
    /// The migrations, in order. Applied migrations never change: add a new version instead.
    public static let migrations: [Migration] = [
        Migration(version: 1, name: "case and event facts", sql: AssessmentSchemaSQL.factTables)
    ]

    /// The set recorded in `schema_migrations`.
    /// - Throws: `MigrationError` if the list above is malformed (a programming error caught by the tests).
    public static func set() throws(MigrationError) -> MigrationSet {
        try MigrationSet(name: Assessment.name, migrations: migrations)
    }

    /// Applies the platform and assessment migrations to `schema`.
    public static func apply(schema: String, on client: PostgresClient, logger: Logger) async throws {
        let runner = MigrationRunner(configuration: .init(schema: try PostgresIdentifier(schema)), logger: logger)
        try await runner.run(try set(), on: client)
    }
}
