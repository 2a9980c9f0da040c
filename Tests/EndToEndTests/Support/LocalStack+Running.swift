import Foundation
import Synchronization

extension LocalStack {
    /// Starts a stack, runs `body` with it, and stops it.
    ///
    /// After a body that returned normally the state directory is deleted (unless
    /// ``Configuration/keepStateDirectory``); after a failure (of `up()` or a thrown error in `body`) it is kept and
    /// its path printed, with the last lines of each service's log.
    static func withRunning<Value>(
        _ configuration: Configuration = Configuration(),
        _ body: (LocalStack) async throws -> Value
    ) async throws -> Value {
        // One stack at a time per test process: the suites run in parallel, and two stacks would race for
        // the free ports they probe (and share two cores).
        await StackTurn.shared.acquire()
        defer { Task { await StackTurn.shared.release() } }
        let stack = try LocalStack(configuration: configuration)
        do {
            try await stack.up()
        } catch {
            stack.reportFailure(error)
            await stack.down(removeState: false)
            throw error
        }
        do {
            let result = try await body(stack)
            await stack.down(removeState: !configuration.keepStateDirectory)
            return result
        } catch {
            stack.reportFailure(error)
            await stack.down(removeState: false)
            throw error
        }
    }

    /// Runs `scripts/dev up` (no build) and starts the Kafka producer and the lifecycle reader.
    ///
    /// - Throws: ``LocalStackError`` with the script's output (which names the failing part and its log).
    func up() async throws {
        print("[LocalStack] starting in \(self.stateDirectory) (PostgreSQL :\(self.postgresPort), Kafka :\(self.kafkaPort), HTTP :\(self.httpBasePort)…\(self.httpBasePort + 4))")
        try await self.script.run(["up"], timeout: self.configuration.upTimeout)
        let clients = try KafkaClients(bootstrapServers: self.kafkaBootstrapServers, logger: self.logger)
        clients.start()
        self.clients.withLock { $0 = clients }
        print("[LocalStack] up; logs in \(self.logDirectory)")
    }

    /// Stops the Kafka clients and the whole stack (`scripts/dev down`); deletes the state directory when
    /// `removeState`. Never throws: a failure to stop is printed.
    func down(removeState: Bool = true) async {
        await self.stopKafkaClients()
        do {
            try await self.script.run(["down"], timeout: .seconds(120))
        } catch {
            print("[LocalStack] stopping the stack failed: \(error)")
        }
        if removeState {
            try? FileManager.default.removeItem(atPath: self.stateDirectory)
        } else {
            print("[LocalStack] state directory kept: \(self.stateDirectory) (logs in \(self.logDirectory))")
        }
    }

    /// Stops the producer and the lifecycle reader and lets go of them before the broker goes away (so librdkafka
    /// does not keep reconnecting to it).
    private func stopKafkaClients() async {
        let clients = self.clients.withLock { current in
            defer { current = nil }
            return current
        }
        await clients?.stop()
    }

    /// Kills a service with SIGKILL (`scripts/dev kill SERVICE`): no graceful shutdown, nothing flushed.
    func kill(_ service: StackService) async throws {
        try await self.script.run(["kill", service.name], timeout: .seconds(30))
    }

    /// Stops a service gracefully (`scripts/dev stop SERVICE`, SIGTERM).
    func stop(_ service: StackService) async throws {
        try await self.script.run(["stop", service.name], timeout: .seconds(60))
    }

    /// Starts a stopped (or killed) service and waits until its `/health/ready` answers 200
    /// (`scripts/dev start SERVICE`).
    func start(_ service: StackService) async throws {
        try await self.script.run(["start", service.name], timeout: self.configuration.startTimeout)
    }

    /// `scripts/dev status`: what runs and whether it is ready.
    func status() async throws -> String {
        try await self.script.run(["status"], timeout: .seconds(30))
    }

    /// Replaces a service's extra settings (`<state>/env/<service>.env`); they apply from its next ``start(_:)``.
    func setEnvironment(_ values: [String: String], for service: StackService) throws(LocalStackError) {
        let directory = "\(self.stateDirectory)/env"
        let lines = values.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.shellQuoted($0.value))" }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try (lines.joined(separator: "\n") + "\n").write(
                toFile: "\(directory)/\(service.name).env", atomically: true, encoding: .utf8)
        } catch {
            throw LocalStackError("cannot write the environment of \(service): \(error)")
        }
    }

    /// Prints the failure, the state directory and the tail of every service log.
    func reportFailure(_ error: any Error) {
        var report = "[LocalStack] FAILED: \(error)\n[LocalStack] state directory: \(self.stateDirectory)"
        for service in StackService.allCases {
            report += "\n--- \(self.logDirectory)/\(service.name).log (last 15 lines) ---\n\(self.logTail(service, lines: 15))"
        }
        print(report)
    }

    /// `value` in single quotes for `scripts/dev`'s `eval` (which reads the env file's lines as shell assignments).
    private static func shellQuoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
