import Foundation
import GridRuntime
import Logging
import PostgresNIO

/// A fresh PostgreSQL database for one test, set up like production: PostGIS installed, one service
/// schema owned by one login role that has no other rights, and a `PostgresClient` logged in as that
/// role. Everything is dropped at the end.
///
/// ```swift
/// try await TestDatabase.withDatabase { database in
///     try await MigrationRunner(configuration: .init(schema: database.schema), logger: database.logger)
///         .run(migrations, on: database.client)
/// }
/// ```
///
/// The server comes from `GRIDLOOP_TEST_PG_URL` (a superuser URL; `eval "$(scripts/test-env)"` starts
/// the shared test cluster and sets it). Databases are cloned from a template with PostGIS, created
/// once per cluster, so each test pays for a copy rather than for `CREATE EXTENSION postgis`.
public struct TestDatabase: Sendable {
    /// The database's unique name.
    public let name: String
    /// The service schema.
    public let schema: PostgresIdentifier
    /// The service's login role (owner of ``schema``).
    public let role: String
    /// A pool logged in as ``role``, running for the duration of the test.
    public let client: PostgresClient
    /// The logger given to ``withDatabase(schema:logger:_:)``.
    public let logger: Logger
    let server: Server
    let password: String

    static let templateName = "gridloop_test_template_postgis_v1"

    /// A logger that prints warnings and errors to standard error.
    public static func defaultLogger(label: String = "gridloop.test") -> Logger {
        var logger = Logger(label: label) { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .warning
        return logger
    }

    /// Creates a database, runs `body` with it, and drops it (also when `body` throws).
    /// - Parameters:
    ///   - schema: The service schema's name. Default `svc`.
    ///   - logger: Logger for the client and setup.
    ///   - body: The test.
    public static func withDatabase<Result: Sendable>(
        schema: String = "svc",
        logger: Logger = TestDatabase.defaultLogger(),
        _ body: (TestDatabase) async throws -> Result
    ) async throws -> Result {
        let server = try Server.fromEnvironment()
        let schema = try PostgresIdentifier(schema)
        let suffix = UUID().uuidString.replacing("-", with: "").prefix(16).lowercased()
        let name = "gl_t_\(suffix)"
        let role = "\(name)_svc"
        let password = UUID().uuidString
        try await ensureTemplate(on: server, logger: logger)
        try await create(name: name, role: role, password: password, schema: schema, on: server, logger: logger)

        let database = TestDatabase(
            name: name,
            schema: schema,
            role: role,
            client: PostgresClient(
                configuration: server.clientConfiguration(database: name, role: role, password: password),
                backgroundLogger: quieter(logger)
            ),
            logger: logger,
            server: server,
            password: password
        )
        let outcome: Swift.Result<Result, any Error>
        do {
            outcome = .success(try await database.client.running { try await body(database) })
        } catch {
            outcome = .failure(error)
        }
        try await drop(name: name, role: role, on: server, logger: logger)
        return try outcome.get()
    }

    /// Runs `body` with another pool logged in as the service role (a second replica, or a client whose
    /// lifetime the test controls). The pool stops when `body` returns.
    public func withClient<Result: Sendable>(
        maximumConnections: Int = 8,
        _ body: (PostgresClient) async throws -> Result
    ) async throws -> Result {
        var configuration = server.clientConfiguration(database: name, role: role, password: password)
        configuration.options.maximumConnections = maximumConnections
        let client = PostgresClient(configuration: configuration, backgroundLogger: quieter(logger))
        return try await client.running { try await body(client) }
    }

    /// Runs `body` on a superuser connection to this database (for checks and fault injection, such as
    /// `pg_terminate_backend`); the service code never gets one.
    public func withSuperuserConnection<Result>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        try await server.withConnection(database: name, logger: logger, body)
    }

    /// Terminates every connection the service role has to this database (simulates a crash or a
    /// network cut of all replicas). Returns how many were terminated.
    @discardableResult
    public func terminateServiceConnections() async throws -> Int {
        try await withSuperuserConnection { connection in
            let rows = try await connection.query(
                """
                SELECT count(*) FROM (
                    SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = \(name) AND usename = \(role)
                ) AS terminated
                """,
                logger: logger
            )
            var count = 0
            for try await value in rows.decode(Int.self) { count = value }
            return count
        }
    }
}

/// The pool's background logger: errors only. (PostgresNIO warns when a lease is requested a moment
/// before `run()` has started, which is harmless in tests: the lease waits.)
private func quieter(_ logger: Logger) -> Logger {
    var logger = logger
    logger.logLevel = max(logger.logLevel, .error)
    return logger
}

extension TestDatabase.Server {
    /// Pool settings for the service role: at most 8 connections (many tests share one cluster), and,
    /// as in the services, the server checks that a busy session's client is still connected.
    func clientConfiguration(database: String, role: String, password: String) -> PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: host,
            port: port,
            username: role,
            password: password,
            database: database,
            tls: .disable
        )
        configuration.options.maximumConnections = 8
        configuration.checkClientConnection()
        return configuration
    }
}

extension PostgresClient {
    /// Runs the pool while `body` runs.
    func running<Result: Sendable>(_ body: () async throws -> Result) async throws -> Result {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await self.run() }
            defer { group.cancelAll() }
            return try await body()
        }
    }
}
