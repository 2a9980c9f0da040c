/// A named, ordered list of migrations recorded together in `<schema>.schema_migrations`.
///
/// A service has two sets: the platform set ``MigrationSet/platform`` (outbox and inbox tables, applied
/// first, shared by all services) and its own set, named after the service.
public struct MigrationSet: Sendable, Hashable {
    /// The set's name as recorded in `schema_migrations.migration_set` (`gridloop`, `intake`…).
    public let name: String
    /// The migrations, sorted by version.
    public let migrations: [Migration]

    /// Validates and sorts `migrations`.
    /// - Throws: ``MigrationError`` when the name is empty, a version is not positive, a name is empty,
    ///   or two migrations share a version (all problems are listed).
    public init(name: String, migrations: [Migration]) throws(MigrationError) {
        var problems: [String] = []
        if name.isEmpty {
            problems.append("the set name is empty")
        }
        var seen: Set<Int> = []
        for migration in migrations {
            if migration.version <= 0 {
                problems.append("version \(migration.version) ('\(migration.name)') is not positive")
            }
            if migration.name.isEmpty {
                problems.append("version \(migration.version) has an empty name")
            }
            if !seen.insert(migration.version).inserted {
                problems.append("version \(migration.version) appears more than once")
            }
        }
        guard problems.isEmpty else {
            throw MigrationError(
                code: .invalidMigrationSet,
                message: "migration set '\(name)': " + problems.joined(separator: "; ")
            )
        }
        self.name = name
        self.migrations = migrations.sorted { $0.version < $1.version }
    }
}
