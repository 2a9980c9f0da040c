import Configuration
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import PostgresNIO
import ServiceLifecycle
import Synchronization
import Testing
import UnixSignals

@testable import GridRuntime

/// Records lifecycle events in order.
final class LifecycleRecorder: Sendable {
    private let events = Mutex<[String]>([])
    func record(_ event: String) { events.withLock { $0.append(event) } }
    var all: [String] { events.withLock { $0 } }
}

/// Stands in for a consumer or the relay: records start and stop.
struct RecordingService: Service, CustomStringConvertible {
    let name: String
    let recorder: LifecycleRecorder
    var description: String { name }
    func run() async throws {
        recorder.record("\(name) started")
        try? await gracefulShutdown()
        recorder.record("\(name) stopped")
    }
}

struct ProbeFailure: Error {
    let detail: String
}

/// A minimal service built on the scaffold.
struct ProbeService: GridService {
    static let name = "scaffold-probe"
    static let usesKafka = false
    static let recorder = LifecycleRecorder()
    static let brokerUp = ReadinessFlag()

    let postgres: PostgresClient
    let logger: Logger

    init(resources: ServiceResources<NoServiceSettings>) async throws {
        postgres = resources.postgres
        logger = resources.logger
    }

    func migrate(client: PostgresClient, logger: Logger) async throws {
        try await client.query("CREATE TABLE probe_notes (id integer PRIMARY KEY, note text NOT NULL)", logger: logger)
        Self.recorder.record("migrated")
    }

    func addRoutes(to router: Router<GridRequestContext>) {
        router.group("/api/notes", context: AuthenticatedContext.self)
            .post(":id") { request, context -> Response in
                try context.principal.requireRole(.operator)
                let id = try context.parameters.require("id", as: Int.self)
                let note = String(buffer: try await request.body.collect(upTo: 4096))
                try await postgres.query("INSERT INTO probe_notes (id, note) VALUES (\(id), \(note))", logger: context.logger)
                return Response(status: .created)
            }
            .get(":id") { _, context -> String in
                try context.principal.requireRole(.operator, .auditor)
                let id = try context.parameters.require("id", as: Int.self)
                let rows = try await postgres.query("SELECT note FROM probe_notes WHERE id = \(id)", logger: context.logger)
                for try await note in rows.decode(String.self) { return note }
                throw APIError.notFound("no note \(id)")
            }
        router.get("/api/boom") { _, _ -> String in
            throw ProbeFailure(detail: "secret internals")
        }
    }

    var producers: [any Service] { [RecordingService(name: "relay", recorder: Self.recorder)] }
    var consumers: [any Service] { [RecordingService(name: "consumer", recorder: Self.recorder)] }
    var readinessChecks: [ReadinessCheck] {
        [.broker { guard Self.brokerUp.isSet else { throw ReadinessFailure("broker unreachable") } }]
    }
}

/// A fresh database with a least-privilege login role owning one schema, on the shared test cluster.
struct ScratchDatabase {
    let admin: PostgresConnection.Configuration
    let host: String
    let port: Int
    let name: String
    let role: String
    let password = "probe-password"
    let schema = "scaffold_probe"

    static func create(logger: Logger) async throws -> ScratchDatabase {
        let variable = ProcessInfo.processInfo.environment["GRIDLOOP_TEST_PG_URL"]
        let text = try #require(variable, "GRIDLOOP_TEST_PG_URL is not set: run `eval \"$(scripts/test-env)\"` or scripts/test")
        let url = try #require(URLComponents(string: text), "GRIDLOOP_TEST_PG_URL is not a URL: \(text)")
        let host = url.host ?? "127.0.0.1"
        let port = url.port ?? 5432
        let admin = PostgresConnection.Configuration(
            host: host, port: port, username: url.user ?? "postgres", password: url.password,
            database: String(url.path.dropFirst()).isEmpty ? "postgres" : String(url.path.dropFirst()), tls: .disable)
        let suffix = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        let database = ScratchDatabase(admin: admin, host: host, port: port, name: "rt_svc_\(suffix)", role: "rt_svc_\(suffix)")
        try await database.withConnection(to: nil, logger: logger) { connection in
            try await connection.query(PostgresQuery(unsafeSQL: "CREATE ROLE \(database.role) LOGIN PASSWORD '\(database.password)'"), logger: logger)
            try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(database.name)"), logger: logger)
        }
        try await database.withConnection(to: database.name, logger: logger) { connection in
            try await connection.query(PostgresQuery(unsafeSQL: "REVOKE ALL ON SCHEMA public FROM PUBLIC"), logger: logger)
            try await connection.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA \(database.schema) AUTHORIZATION \(database.role)"), logger: logger)
        }
        return database
    }

    func withConnection<T>(to database: String?, logger: Logger, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        var configuration = admin
        if let database { configuration.database = database }
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            let result = try await body(connection)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    func drop(logger: Logger) async throws {
        try await withConnection(to: nil, logger: logger) { connection in
            try await connection.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: logger)
            try await connection.query(PostgresQuery(unsafeSQL: "DROP ROLE IF EXISTS \(role)"), logger: logger)
        }
    }
}

@Suite("Service scaffold")
struct ServiceScaffoldTests {
    @Test func aScaffoldedServiceStartsServesAndShutsDownInOrder() async throws {
        let adminLogger = Logger(label: "scratch-db")
        let database = try await ScratchDatabase.create(logger: adminLogger)
        do {
            try await runService(on: database)
        } catch {
            try? await database.drop(logger: adminLogger)
            throw error
        }
        try await database.drop(logger: adminLogger)
    }

    func runService(on database: ScratchDatabase) async throws {
        let values: [String: ConfigValue] = [
            "database.host": .init(.string(database.host), isSecret: false),
            "database.port": .init(.int(database.port), isSecret: false),
            "database.name": .init(.string(database.name), isSecret: false),
            "database.user": .init(.string(database.role), isSecret: false),
            "database.password": .init(.string(database.password), isSecret: true),
            "database.tls": "disable",
            "database.maxConnections": 4,
            "auth.jwt.secret": .init(.string(TestTokens.secret), isSecret: true),
        ]
        let (configuration, settings) = try ServiceConfiguration.load(
            service: ProbeService.name, usesKafka: false, source: ConfigurationTests.inMemory(values), extra: NoServiceSettings.self)
        #expect(configuration.database.schema == database.schema)

        let captured = CapturedLines()
        let logger = Logger(label: ProbeService.name) { label in
            JSONLogHandler(label: label, service: ProbeService.name, level: .info, output: captured.output)
        }
        let metrics = ServiceMetrics()
        let (app, _) = try await ServiceApplication.build(
            ProbeService.self, configuration: configuration, settings: settings,
            logger: logger, metrics: metrics)

        let operatorToken = try await TestTokens.hs256(TestTokens.claims(roles: ["operator"]))
        let citizenToken = try await TestTokens.hs256(TestTokens.claims(roles: ["citizen"]))

        try await app.test(.live) { client in
            try await client.execute(uri: "/health/live", method: .get) { response in
                #expect(response.status == .ok)
            }
            // Wait (bounded) for the migration step; the broker check keeps readiness red meanwhile.
            var report: HealthTests.Report?
            for _ in 0..<200 {
                report = try await client.execute(uri: "/health/ready", method: .get) { response in
                    #expect(response.status == .serviceUnavailable)
                    return try JSONDecoder().decode(HealthTests.Report.self, from: Data(String(buffer: response.body).utf8))
                }
                if report?.checks.first(where: { $0.name == "migrations" })?.status == "up" { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(report?.status == "not_ready")
            #expect(
                report?.checks == [
                    .init(name: "database", status: "up", error: nil),
                    .init(name: "migrations", status: "up", error: nil),
                    .init(name: "broker", status: "down", error: "broker unreachable"),
                ])

            ProbeService.brokerUp.set()
            try await client.execute(uri: "/health/ready", method: .get) { response in
                #expect(response.status == .ok, "\(String(buffer: response.body))")
                let ready = try JSONDecoder().decode(HealthTests.Report.self, from: Data(String(buffer: response.body).utf8))
                #expect(ready.status == "ready")
            }

            // Auth through the whole stack, and the service's own schema via the search_path.
            try await client.execute(uri: "/api/notes/1", method: .get) { response in
                #expect(response.status == .unauthorized)
            }
            let asCitizen: HTTPFields = [.authorization: "Bearer \(citizenToken)"]
            try await client.execute(uri: "/api/notes/1", method: .post, headers: asCitizen, body: ByteBuffer(string: "x")) { response in
                #expect(response.status == .forbidden)
            }
            let asOperator: HTTPFields = [.authorization: "Bearer \(operatorToken)"]
            try await client.execute(uri: "/api/notes/1", method: .post, headers: asOperator, body: ByteBuffer(string: "井盖缺失")) { response in
                #expect(response.status == .created)
            }
            try await client.execute(uri: "/api/notes/1", method: .post, headers: asOperator, body: ByteBuffer(string: "again")) { response in
                #expect(response.status == .conflict)
                let problem = try AuthTests.problem(response)
                #expect(problem.error.code == "conflict")
                #expect(problem.error.message == "a record with the same key already exists")
            }
            try await client.execute(uri: "/api/notes/1", method: .get, headers: asOperator) { response in
                #expect(String(buffer: response.body) == "井盖缺失")
            }
            try await client.execute(uri: "/api/notes/2", method: .get, headers: asOperator) { response in
                #expect(response.status == .notFound)
            }
            var boomHeaders = asOperator
            boomHeaders[RequestIDMiddleware.headerName] = "req-boom-1"
            try await client.execute(uri: "/api/boom", method: .get, headers: boomHeaders) { response in
                #expect(response.status == .internalServerError)
                #expect(response.headers[RequestIDMiddleware.headerName] == "req-boom-1")
                let problem = try AuthTests.problem(response)
                #expect(problem.error.code == "internal")
                #expect(problem.error.message == "internal error (request id req-boom-1)")
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(MetricsTests.sample(text, "http_requests_total", ["/health/ready", "GET", "503"]) != nil, "\(text)")
                #expect(MetricsTests.sample(text, "http_requests_total", ["/api/notes/{id}", "POST", "409"]) == 1)
                #expect(MetricsTests.sample(text, "http_requests_total", ["/api/boom", "GET", "500"]) == 1)
            }
        }

        // Migrations ran before the relay and consumer started; shutdown stopped the consumer first.
        let events = ProbeService.recorder.all
        #expect(events.first == "migrated")
        #expect(Set(events.dropFirst().prefix(2)) == ["relay started", "consumer started"])
        #expect(Array(events.suffix(2)) == ["consumer stopped", "relay stopped"])

        let logs = try captured.jsonObjects()
        #expect(logs.contains { $0["message"] as? String == "migrations applied" && $0["service"] as? String == ProbeService.name })
        let failure = try #require(logs.first { $0["message"] as? String == "request failed" })
        #expect((failure["error"] as? String)?.contains("ProbeFailure(detail: \"secret internals\")") == true)
        #expect(failure["request_id"] as? String == "req-boom-1")
        #expect(failure["http.route"] as? String == "/api/boom")
    }
}


/// Ignores graceful shutdown, so only the shutdown bound stops it.
struct StubbornConsumer: Service, CustomStringConvertible {
    let recorder: LifecycleRecorder
    var description: String { "stubborn-consumer" }
    func run() async throws {
        recorder.record("stubborn started")
        do {
            try await Task.sleep(for: .seconds(3600))
        } catch {
            recorder.record("stubborn cancelled")
        }
    }
}

/// A service run through `ServiceRunner.run`, stopped by a signal.
struct SignalProbeService: GridService {
    static let name = "signal-probe"
    static let usesKafka = false
    static let recorder = LifecycleRecorder()

    init(resources: ServiceResources<NoServiceSettings>) async throws {}

    func migrate(client: PostgresClient, logger: Logger) async throws {
        try await client.query("CREATE TABLE signal_probe (id integer PRIMARY KEY)", logger: logger)
        Self.recorder.record("migrated")
    }

    var producers: [any Service] { [RecordingService(name: "relay", recorder: Self.recorder)] }
    var consumers: [any Service] { [StubbornConsumer(recorder: Self.recorder)] }
}

extension ServiceScaffoldTests {
    @Test func aSignalStopsTheRunnerAndTheShutdownBoundCancelsStragglers() async throws {
        let adminLogger = Logger(label: "scratch-db")
        let database = try await ScratchDatabase.create(logger: adminLogger)
        do {
            try await runSignalProbe(on: database)
        } catch {
            try? await database.drop(logger: adminLogger)
            throw error
        }
        try await database.drop(logger: adminLogger)
    }

    func runSignalProbe(on database: ScratchDatabase) async throws {
        let environment = [
            "HTTP_HOST": "127.0.0.1", "HTTP_PORT": "0",
            "DATABASE_HOST": database.host, "DATABASE_PORT": String(database.port), "DATABASE_NAME": database.name,
            "DATABASE_USER": database.role, "DATABASE_PASSWORD": database.password, "DATABASE_SCHEMA": database.schema,
            "DATABASE_TLS": "disable", "AUTH_JWT_SECRET": TestTokens.secret, "SHUTDOWN_GRACE_SECONDS": "1",
        ]
        let (configuration, settings) = try ServiceConfiguration.load(
            service: SignalProbeService.name, usesKafka: false, source: .environment(environment), extra: NoServiceSettings.self)
        let captured = CapturedLines()
        let logger = Logger(label: SignalProbeService.name) { label in
            JSONLogHandler(label: label, service: SignalProbeService.name, level: .info, output: captured.output)
        }
        // SIGUSR2 stands in for SIGTERM so other suites' service groups are not disturbed.
        let runner = Task {
            try await ServiceRunner.run(
                SignalProbeService.self, configuration: configuration, settings: settings, logger: logger,
                metrics: ServiceMetrics(), signals: [.sigusr2])
        }
        for _ in 0..<400 where !SignalProbeService.recorder.all.contains("stubborn started") {
            try await Task.sleep(for: .milliseconds(25))
        }
        try #require(SignalProbeService.recorder.all.contains("stubborn started"), "the consumer never started: \(captured.all)")
        kill(getpid(), SIGUSR2)

        let finished = await ReadinessProbe.withTimeout(.seconds(60)) { _ = try? await runner.value }
        if case .failure = finished { runner.cancel() }
        #expect((try? finished.get()) != nil, "the runner did not stop after the signal")

        let events = SignalProbeService.recorder.all
        #expect(events.first == "migrated")
        #expect(Set(events) == ["migrated", "relay started", "stubborn started", "stubborn cancelled", "relay stopped"])
        let logs = try captured.jsonObjects()
        let starting = try #require(logs.first { $0["message"] as? String == "starting" })
        #expect(starting["database.schema"] as? String == database.schema)
        #expect(logs.contains { $0["message"] as? String == "migrations applied" })
        #expect(logs.contains { ($0["message"] as? String)?.hasPrefix("shutting down") == true && $0["shutdown.bound"] as? String == "1.0 seconds" })
    }
}
