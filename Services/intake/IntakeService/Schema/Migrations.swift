import GridRuntime

/// Intake's own migration set (`intake`), applied after the platform set (outbox, inbox) by
/// `MigrationRunner` at start-up. See ``IntakeSchemaSQL`` for the SQL.
enum IntakeMigrations {
    /// The set.
    static let set: MigrationSet = try! MigrationSet(
        name: "intake",
        migrations: [
            Migration(version: 1, name: "grids and city load", sql: IntakeSchemaSQL.grids),
            Migration(version: 2, name: "cases, reporters, timeline, inbound messages", sql: IntakeSchemaSQL.cases),
        ])
}
