public import GridRuntime

extension RoutingSchema {
    /// Routing's migrations, applied after the platform set (outbox, inbox) by `MigrationRunner`.
    /// Forward-only: never edit an entry once released; add a new version.
    public static let migrations: MigrationSet = try! MigrationSet(  // versions are literals: checked by the tests
        name: "routing",
        migrations: [
            Migration(version: 1, name: "cases, assignments, dispatch queue", sql: version1)
        ])
}
