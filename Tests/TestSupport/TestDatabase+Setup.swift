import GridRuntime
import Logging
import PostgresNIO

extension TestDatabase {
    /// Creates the PostGIS template once per cluster. Concurrent test processes serialise on an
    /// advisory lock; a half-made template (from a killed run) is dropped and made again.
    static func ensureTemplate(on server: Server, logger: Logger) async throws {
        try await server.withConnection(logger: logger) { admin in
            try await admin.query("SELECT pg_advisory_lock(\(templateLockKey))", logger: logger)
            do {
                let rows = try await admin.query(
                    "SELECT datistemplate FROM pg_database WHERE datname = \(templateName)",
                    logger: logger
                )
                var isTemplate: Bool?
                for try await value in rows.decode(Bool.self) { isTemplate = value }
                if isTemplate != true {
                    if isTemplate == false {
                        try await admin.query(PostgresQuery(unsafeSQL: "DROP DATABASE \"\(templateName)\" WITH (FORCE)"), logger: logger)
                    }
                    try await admin.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \"\(templateName)\""), logger: logger)
                    try await server.withConnection(database: templateName, logger: logger) { template in
                        try await template.query("CREATE EXTENSION IF NOT EXISTS postgis", logger: logger)
                    }
                    try await admin.query(
                        PostgresQuery(unsafeSQL: "ALTER DATABASE \"\(templateName)\" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false"),
                        logger: logger
                    )
                }
            } catch {
                _ = try? await admin.query("SELECT pg_advisory_unlock(\(templateLockKey))", logger: logger)
                throw TestDatabaseError("cannot prepare the PostGIS test template: \(String(reflecting: error))")
            }
            try await admin.query("SELECT pg_advisory_unlock(\(templateLockKey))", logger: logger)
        }
    }

    static let templateLockKey: Int64 = AdvisoryLockKey.bigint(purpose: "test-template", scope: templateName)

    /// Creates the database from the template, the service role, and the schema it owns, with the
    /// grants of `deploy/postgres/provision.sh`: the role may connect, create temporary tables and use
    /// `public` (PostGIS), nothing else outside its schema.
    static func create(
        name: String,
        role: String,
        password: String,
        schema: PostgresIdentifier,
        on server: Server,
        logger: Logger
    ) async throws {
        try await server.withConnection(logger: logger) { admin in
            try await admin.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \"\(name)\" TEMPLATE \"\(templateName)\""), logger: logger)
            try await admin.query(
                PostgresQuery(unsafeSQL: "CREATE ROLE \"\(role)\" LOGIN PASSWORD '\(password)' NOSUPERUSER NOCREATEDB NOCREATEROLE"),
                logger: logger
            )
            try await admin.query(PostgresQuery(unsafeSQL: "REVOKE ALL ON DATABASE \"\(name)\" FROM PUBLIC"), logger: logger)
            try await admin.query(PostgresQuery(unsafeSQL: "GRANT CONNECT, TEMPORARY ON DATABASE \"\(name)\" TO \"\(role)\""), logger: logger)
        }
        try await server.withConnection(database: name, logger: logger) { admin in
            // As deploy/postgres/provision.sh does for each service.
            for statement in [
                "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
                "CREATE SCHEMA \(schema.quoted) AUTHORIZATION \"\(role)\"",
                "REVOKE ALL ON SCHEMA \(schema.quoted) FROM PUBLIC",
                "GRANT USAGE ON SCHEMA public TO \"\(role)\"",
                "ALTER ROLE \"\(role)\" IN DATABASE \"\(name)\" SET search_path = \(schema.quoted), public",
            ] {
                try await admin.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
        }
    }

    /// Drops the database (terminating leftover connections) and the role.
    static func drop(name: String, role: String, on server: Server, logger: Logger) async throws {
        try await server.withConnection(logger: logger) { admin in
            try await admin.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)"), logger: logger)
            try await admin.query(PostgresQuery(unsafeSQL: "DROP ROLE IF EXISTS \"\(role)\""), logger: logger)
        }
    }
}
