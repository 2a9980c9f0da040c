public import GridRuntime

extension NotificationSchema {
    /// The service's migration set, recorded as `notification` in `schema_migrations` and applied
    /// after the platform set (outbox, inbox).
    public static let migrationSet: MigrationSet = {
        do {
            return try MigrationSet(
                name: "notification", migrations: migrations.map { Migration(version: $0.version, name: $0.name, sql: $0.sql) })
        } catch {
            // The versions above are literals: a duplicate is a programming error caught by every test run.
            preconditionFailure("invalid notification migrations: \(error)")
        }
    }()
}
