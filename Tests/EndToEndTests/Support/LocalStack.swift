import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif
import Logging
import Synchronization

/// The README's local stack — real PostgreSQL + PostGIS, a real Tansu broker, the five service processes — started
/// for a test by driving `scripts/dev` itself, on free loopback ports with a fresh temporary state directory.
///
/// ```swift
/// try await LocalStack.withRunning { stack in
///     let response = try await stack.http.get(stack.url(.intake, "/health/ready"))
///     #expect(response.status == 200)
///     try await stack.send(workOrder: SampleWorkOrders.make(orderNumber: "E2E-1"))
///     let opened = try await stack.lifecycle.awaitOpening(externalReference: "E2E-1")
///     let token = try stack.token(role: "operator")
///     let view = try await stack.http.get(stack.url(.intake, "/v1/cases/\(opened.caseId)"), token: token)
///     try await stack.kill(.routing)      // SIGKILL (crash test) …
///     try await stack.start(.routing)     // … and back, waiting until ready
/// }
/// ```
///
/// - `up()` runs `GRIDLOOP_SKIP_BUILD=1 scripts/dev up` (tests run after `swift build --build-tests`; the services are
///   the executables beside the running test binary, i.e. the current build configuration), then starts a Kafka
///   producer (``send(workOrder:)``) and a reader of `gridloop.case.lifecycle` (``lifecycle``, from the beginning).
/// - ``Configuration/environment`` gives a service extra settings (`<state>/env/<service>.env`, read by
///   `scripts/dev` after the standard ones), e.g. `[.slaMonitor: LocalStack.Configuration.shortDeadlinePolicy]`;
///   ``setEnvironment(_:for:)`` changes them for the next ``start(_:)``.
/// - Logs: `<state>/logs/<service>.log`, `tansu.log`, `<state>/dev-postgres/server.log`, and `<state>/harness.log`
///   (every `scripts/dev` call with its output). The state directory is printed when the stack comes up and when a
///   run fails; ``withRunning(_:_:)`` deletes it after a body that returned normally (set
///   `GRIDLOOP_E2E_KEEP_STATE=1` to keep it) and keeps it after a thrown error.
final class LocalStack: Sendable {
    /// How to start the stack.
    struct Configuration: Sendable {
        /// Extra settings per service (`KEY` → value), written to `<state>/env/<service>.env`. Default none.
        var environment: [StackService: [String: String]] = [:]
        /// Where the service executables are. Default: the directory of the running test binary (the current build
        /// configuration's bin directory), else `$GRIDLOOP_BIN_DIR`.
        var binDirectory: String? = nil
        /// The city the services load. Default `deploy/sample-city` of this repository.
        var cityDirectory: String? = nil
        /// Longest wait for `scripts/dev up` (PostgreSQL initdb, PostGIS, topics, five services ready). Default 300 s.
        var upTimeout: Duration = .seconds(300)
        /// Longest wait for `scripts/dev start SERVICE`. Default 120 s.
        var startTimeout: Duration = .seconds(120)
        /// Keep the state directory after a successful run. Default: `GRIDLOOP_E2E_KEEP_STATE=1`.
        var keepStateDirectory: Bool = ProcessInfo.processInfo.environment["GRIDLOOP_E2E_KEEP_STATE"] == "1"

        /// Creates a configuration with the documented defaults.
        init(environment: [StackService: [String: String]] = [:]) {
            self.environment = environment
        }

        /// sla-monitor's settings for `deploy/policies/short-test-deadline-policy.csv`: every stage on natural
        /// seconds (a dispatched case not signed for earns a yellow card after 10 s and a red card after 21 s).
        static var shortDeadlinePolicy: [String: String] {
            ["SLA_DEADLINE_POLICY_FILE": RepositoryPaths.path("deploy/policies/short-test-deadline-policy.csv")]
        }
    }

    /// The settings the stack was created with.
    let configuration: Configuration
    /// The repository checkout (`scripts/dev`, `deploy/`).
    let repositoryRoot: String
    /// The fresh temporary `GRIDLOOP_STATE_DIR` (data, logs, pids, `dev.env` secrets).
    let stateDirectory: String
    /// PostgreSQL's port (database `gridloop`, one role per service; superuser `postgres` trusted on loopback).
    let postgresPort: Int
    /// Tansu's port.
    let kafkaPort: Int
    /// intake's HTTP port; the others follow (``StackService/portOffset``).
    let httpBasePort: Int
    /// A JSON HTTP client for the services' APIs.
    let http = JSONHTTPClient()
    let script: DevScript
    let clients = Mutex<KafkaClients?>(nil)
    let logger: Logger

    /// Reserves ports and creates the state directory (with the env files); starts nothing (see ``up()``).
    init(configuration: Configuration = Configuration()) throws(LocalStackError) {
        self.configuration = configuration
        self.repositoryRoot = RepositoryPaths.root
        self.stateDirectory = try Self.makeStateDirectory()
        do {
            self.postgresPort = try LoopbackPorts.free()
            let kafkaPort = try LoopbackPorts.free()
            self.kafkaPort = kafkaPort
            self.httpBasePort = try LoopbackPorts.freeRange(
                count: StackService.allCases.count, excluding: [self.postgresPort, kafkaPort])
        } catch {
            throw LocalStackError("no free loopback ports for the stack: \(error)")
        }
        var logger = Logger(label: "e2e.local-stack")
        logger.logLevel = .warning
        self.logger = logger
        var environment = ProcessInfo.processInfo.environment
        environment["GRIDLOOP_STATE_DIR"] = self.stateDirectory
        environment["GRIDLOOP_PG_PORT"] = String(self.postgresPort)
        environment["GRIDLOOP_KAFKA_PORT"] = String(kafkaPort)
        environment["GRIDLOOP_HTTP_BASE_PORT"] = String(self.httpBasePort)
        environment["GRIDLOOP_SKIP_BUILD"] = "1"
        environment["GRIDLOOP_CITY_DIR"] = configuration.cityDirectory ?? "\(self.repositoryRoot)/deploy/sample-city"
        if let bin = configuration.binDirectory ?? Self.defaultBinDirectory() {
            environment["GRIDLOOP_BIN_DIR"] = bin
        }
        self.script = DevScript(
            executable: "\(self.repositoryRoot)/scripts/dev",
            environment: environment,
            logFile: "\(self.stateDirectory)/harness.log"
        )
        for (service, values) in configuration.environment {
            try self.setEnvironment(values, for: service)
        }
    }

    /// The base URL of a service (`http://127.0.0.1:PORT`), with `path` appended (e.g. `/health/ready`).
    func url(_ service: StackService, _ path: String = "") -> URL {
        URL(string: "http://127.0.0.1:\(self.httpBasePort + service.portOffset)\(path)")!
    }

    /// `127.0.0.1:PORT` of the stack's broker.
    var kafkaBootstrapServers: String { "127.0.0.1:\(self.kafkaPort)" }

    /// The services' log directory.
    var logDirectory: String { "\(self.stateDirectory)/logs" }

    /// The process id of a running service (`<state>/run/<service>.pid`), `nil` when it is not running.
    func pid(of service: StackService) -> Int32? {
        guard let text = try? String(contentsOfFile: "\(self.stateDirectory)/run/\(service.name).pid", encoding: .utf8),
            let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), Glibc.kill(pid, 0) == 0
        else { return nil }
        return pid
    }

    /// The last `lines` lines of a service's log.
    func logTail(_ service: StackService, lines: Int = 40) -> String {
        let text = (try? String(contentsOfFile: "\(self.logDirectory)/\(service.name).log", encoding: .utf8)) ?? ""
        return DevScript.tail(text, lines: lines)
    }

    /// The directory of the running test binary when the services were built beside it, else `$GRIDLOOP_BIN_DIR`.
    private static func defaultBinDirectory() -> String? {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let directory = binary.deletingLastPathComponent().path
        if FileManager.default.isExecutableFile(atPath: "\(directory)/intake") { return directory }
        return ProcessInfo.processInfo.environment["GRIDLOOP_BIN_DIR"]
    }

    /// A new `gridloop-e2e-XXXXXX` under the temporary directory, traversable by the `postgres` system user (the
    /// server runs as that user when the tests run as root).
    private static func makeStateDirectory() throws(LocalStackError) -> String {
        var template = Array("\(NSTemporaryDirectory())gridloop-e2e-XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer -> String? in
            mkdtemp(buffer.baseAddress!).map { String(cString: $0) }
        }
        guard let path = created else { throw LocalStackError("mkdtemp failed: errno \(errno)") }
        guard chmod(path, 0o755) == 0 else { throw LocalStackError("chmod \(path) failed: errno \(errno)") }
        return path
    }
}
