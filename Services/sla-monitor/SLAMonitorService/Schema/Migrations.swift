import GridRuntime

extension SLAMonitor {
    /// The sla-monitor's own migrations (set `sla-monitor`), applied after GridRuntime's platform set.
    public static let migrations: MigrationSet = try! MigrationSet(
        name: "sla-monitor",
        migrations: [
            Migration(version: 1, name: "cases and stage clocks", sql: SchemaSQL.v1CasesAndStageClocks)
        ])
}
