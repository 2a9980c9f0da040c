import Logging
import PostgresNIO

/// Applies a service's migrations at startup: first the platform set (outbox, inbox), then the
/// service's own set, each recorded in `<schema>.schema_migrations`.
///
/// Safe when several replicas start at once: every step runs in a transaction that first takes a
/// transaction-scoped advisory lock derived from the schema (`pg_advisory_xact_lock`), and re-reads
/// the history under that lock, so each migration is applied exactly once and the others wait.
/// Transaction-scoped locks cannot leak into the connection pool, even if the process dies mid-way.
///
/// Startup errors (``MigrationError``): the schema does not exist; an applied migration's checksum
/// differs from the code's; a pending migration is older than an applied one; a statement fails.
/// The runner needs only the rights a service role has in its own schema (create tables, insert).
public struct MigrationRunner: Sendable {
    /// Options of a migration run.
    public struct Configuration: Sendable {
        /// The service's schema; every table, including the history, is created in it.
        public var schema: PostgresIdentifier
        /// The platform set applied before the service's own. Default ``MigrationSet/platform``.
        public var platformMigrations: MigrationSet
        /// Whether migrations recorded in the database but unknown to the code are accepted (with a
        /// warning). Default `true`: during a rolling deploy, replicas of the previous version start
        /// against a schema a newer replica has already migrated (migrations must therefore stay
        /// backward compatible). Set `false` to make it a startup error.
        public var toleratesUnknownAppliedMigrations: Bool

        /// Creates the configuration; see the properties for the defaults.
        public init(
            schema: PostgresIdentifier,
            platformMigrations: MigrationSet = .platform,
            toleratesUnknownAppliedMigrations: Bool = true
        ) {
            self.schema = schema
            self.platformMigrations = platformMigrations
            self.toleratesUnknownAppliedMigrations = toleratesUnknownAppliedMigrations
        }
    }

    /// What a run did.
    public struct Report: Sendable, Hashable {
        /// `(set, version, name)` of each migration this run applied, in order.
        public var applied: [AppliedMigration] = []
        /// How many migrations were found already applied (by an earlier run or a concurrent replica).
        public var alreadyApplied = 0
    }

    /// A migration applied by this run.
    public struct AppliedMigration: Sendable, Hashable {
        /// The set's name.
        public let set: String
        /// The version.
        public let version: Int
        /// The migration's name.
        public let name: String
    }

    /// The configuration.
    public let configuration: Configuration
    let logger: Logger

    /// Creates a runner.
    public init(configuration: Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    private var lockKey: Int64 { AdvisoryLockKey.bigint(purpose: "migrations", scope: configuration.schema.name) }
    private var historyTable: String { configuration.schema.qualifying("schema_migrations") }

    /// Applies the platform set, then `serviceMigrations`.
    /// - Returns: What was applied.
    /// - Throws: ``MigrationError``, or the database error when PostgreSQL cannot be reached.
    @discardableResult
    public func run(_ serviceMigrations: MigrationSet, on client: PostgresClient) async throws -> Report {
        guard serviceMigrations.name != configuration.platformMigrations.name else {
            throw MigrationError(
                code: .invalidMigrationSet,
                message: "the service's migration set may not be named '\(serviceMigrations.name)' (reserved for the platform)"
            )
        }
        let report: Report
        do {
            report = try await client.withConnection { connection in
                try connection.requireOpen()
                var report = Report()
                try await prepareHistory(on: connection)
                for set in [configuration.platformMigrations, serviceMigrations] {
                    try await apply(set, on: connection, report: &report)
                }
                return report
            }
        } catch let error as PostgresTransactionError {
            // A migration error raised inside a transaction is the startup error to report.
            if let migrationError = error.closureError as? MigrationError { throw migrationError }
            throw error
        }
        logger.info(
            "migrations up to date",
            metadata: [
                "schema": "\(configuration.schema)",
                "applied": "\(report.applied.count)",
                "already_applied": "\(report.alreadyApplied)",
            ]
        )
        return report
    }

    /// Checks the schema exists and creates the history table if needed, under the lock.
    private func prepareHistory(on connection: PostgresConnection) async throws {
        try await connection.withTransaction(logger: logger) { transaction in
            try await transaction.query("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
            let schemaName = configuration.schema.name
            let rows = try await transaction.query(
                "SELECT count(*) FROM pg_namespace WHERE nspname = \(schemaName)",
                logger: logger
            )
            var found = 0
            for try await count in rows.decode(Int.self) { found = count }
            guard found == 1 else {
                throw MigrationError(
                    code: .schemaMissing,
                    message: "schema '\(schemaName)' does not exist; the deployment creates each service's schema "
                        + "and login role (deploy/postgres/provision.sh), it is never created at run time"
                )
            }
            try await transaction.query(
                PostgresQuery(
                    unsafeSQL: """
                        CREATE TABLE IF NOT EXISTS \(historyTable) (
                            migration_set text NOT NULL,
                            version integer NOT NULL,
                            name text NOT NULL,
                            checksum text NOT NULL,
                            applied_at timestamptz NOT NULL DEFAULT now(),
                            duration_ms integer NOT NULL,
                            PRIMARY KEY (migration_set, version)
                        )
                        """
                ),
                logger: logger
            )
        }
    }

    /// The recorded `(version → (name, checksum))` of a set.
    private func history(of set: String, on connection: PostgresConnection) async throws -> [Int: (name: String, checksum: String)] {
        let rows = try await connection.query(
            "SELECT version, name, checksum FROM \(unescaped: historyTable) WHERE migration_set = \(set)",
            logger: logger
        )
        var applied: [Int: (name: String, checksum: String)] = [:]
        for try await (version, name, checksum) in rows.decode((Int, String, String).self) {
            applied[version] = (name, checksum)
        }
        return applied
    }

    private func apply(_ set: MigrationSet, on connection: PostgresConnection, report: inout Report) async throws {
        let applied = try await history(of: set.name, on: connection)
        try verify(set, against: applied)
        let pending = set.migrations.filter { applied[$0.version] == nil }
        for migration in pending {
            let statements = try SQLStatementSplitter.split(migration.sql)
            let didApply = try await connection.withTransaction(logger: logger) { transaction in
                try await transaction.query("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
                let current = try await history(of: set.name, on: transaction)
                if let recorded = current[migration.version] {
                    try verify(migration, of: set.name, recordedChecksum: recorded.checksum)
                    return false
                }
                let clock = ContinuousClock()
                let started = clock.now
                try await transaction.query(
                    PostgresQuery(unsafeSQL: "SET LOCAL search_path TO \(configuration.schema.quoted), public"),
                    logger: logger
                )
                for (number, statement) in statements.enumerated() {
                    do {
                        try await transaction.query(PostgresQuery(unsafeSQL: statement.sql), logger: logger)
                    } catch let error as PSQLError {
                        throw MigrationError(
                            code: .statementFailed,
                            message: "migration \(set.name)/\(migration.version) '\(migration.name)', statement \(number + 1) "
                                + "(line \(statement.line)): \(Self.describe(error))"
                        )
                    }
                }
                let milliseconds = Int((clock.now - started) / .milliseconds(1))
                try await transaction.query(
                    """
                    INSERT INTO \(unescaped: historyTable) (migration_set, version, name, checksum, duration_ms)
                    VALUES (\(set.name), \(migration.version), \(migration.name), \(migration.checksum), \(milliseconds))
                    """,
                    logger: logger
                )
                return true
            }
            if didApply {
                report.applied.append(AppliedMigration(set: set.name, version: migration.version, name: migration.name))
                logger.info(
                    "applied migration",
                    metadata: [
                        "schema": "\(configuration.schema)", "set": "\(set.name)",
                        "version": "\(migration.version)", "name": "\(migration.name)",
                    ]
                )
            } else {
                report.alreadyApplied += 1
            }
        }
        report.alreadyApplied += set.migrations.count - pending.count
    }

    /// Compares the code's set with the recorded history; every problem is listed in one error.
    private func verify(_ set: MigrationSet, against applied: [Int: (name: String, checksum: String)]) throws {
        var changed: [String] = []
        for migration in set.migrations {
            guard let recorded = applied[migration.version], recorded.checksum != migration.checksum else { continue }
            changed.append("\(set.name)/\(migration.version) '\(migration.name)' (recorded \(recorded.checksum.prefix(12))…, code \(migration.checksum.prefix(12))…)")
        }
        guard changed.isEmpty else {
            throw MigrationError(
                code: .checksumMismatch,
                message: "applied migrations were changed: \(changed.joined(separator: ", ")); "
                    + "migrations are forward-only, add a new migration instead of editing an applied one"
            )
        }
        let known = Set(set.migrations.map(\.version))
        let unknown = applied.keys.filter { !known.contains($0) }.sorted()
        if !unknown.isEmpty {
            let list = unknown.map { "\(set.name)/\($0) '\(applied[$0]!.name)'" }.joined(separator: ", ")
            guard configuration.toleratesUnknownAppliedMigrations else {
                throw MigrationError(
                    code: .unknownAppliedMigration,
                    message: "the database has migrations this code does not know: \(list); deploy the newer version"
                )
            }
            logger.warning(
                "database has migrations newer than this code (rolling deploy?)",
                metadata: ["schema": "\(configuration.schema)", "migrations": "\(list)"]
            )
        }
        if let highestApplied = applied.keys.max() {
            let late = set.migrations.filter { applied[$0.version] == nil && $0.version < highestApplied }
            if !late.isEmpty {
                let list = late.map { "\(set.name)/\($0.version) '\($0.name)'" }.joined(separator: ", ")
                throw MigrationError(
                    code: .outOfOrder,
                    message: "pending migrations \(list) are older than applied \(set.name)/\(highestApplied); "
                        + "give new migrations a version above every applied one"
                )
            }
        }
    }

    private func verify(_ migration: Migration, of set: String, recordedChecksum: String) throws(MigrationError) {
        guard recordedChecksum == migration.checksum else {
            throw MigrationError(
                code: .checksumMismatch,
                message: "migration \(set)/\(migration.version) '\(migration.name)' was applied with different SQL by another runner"
            )
        }
    }

    /// The server's message and SQLSTATE, or the error itself when there is no server information.
    static func describe(_ error: PSQLError) -> String {
        guard let serverInfo = error.serverInfo, let message = serverInfo[.message] else {
            return String(reflecting: error)
        }
        let state = serverInfo[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
        let detail = serverInfo[.detail].map { "; \($0)" } ?? ""
        return message + state + detail
    }
}
