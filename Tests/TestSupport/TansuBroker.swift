import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A real Tansu broker (in-memory storage) on a free loopback port, for tests.
///
/// ```swift
/// let broker = try await TansuBroker.started()
/// defer { broker.stop() }
/// let kafka = KafkaConfiguration(bootstrapServers: [broker.bootstrapServers])
/// ```
///
/// The binary is `$GRIDLOOP_TANSU_BIN`, else `/usr/local/bin/tansu`, else `tansu` on `PATH`. A broker can be created
/// without starting it (to test clients that start before their broker), stopped, and started again on the same
/// port. It is stopped on deinit as a safety net. Storage is in memory: a restart starts empty.
public final class TansuBroker: Sendable {
    /// The loopback port the broker listens on (fixed for the broker's life, across restarts).
    public let port: Int
    /// The Tansu executable.
    public let executable: String
    private let process = Mutex<Process?>(nil)
    private let logFile: String

    /// Reserves a free loopback port and finds the binary; does not start the broker (see ``start(timeout:)``).
    public init() throws(TansuBrokerError) {
        self.executable = try Self.findExecutable()
        do {
            self.port = try LoopbackPorts.free()
        } catch {
            throw TansuBrokerError("no free loopback port for the broker: \(error)")
        }
        self.logFile = NSTemporaryDirectory() + "gridloop-tansu-\(self.port)-\(UUID().uuidString.prefix(8)).log"
    }

    /// Creates a broker and starts it.
    public static func started(timeout: Duration = .seconds(20)) async throws(TansuBrokerError) -> TansuBroker {
        let broker = try TansuBroker()
        try await broker.start(timeout: timeout)
        return broker
    }

    deinit {
        self.stop()
    }

    /// `127.0.0.1:PORT`.
    public var bootstrapServers: String { "127.0.0.1:\(self.port)" }

    /// Whether the broker process is running.
    public var isRunning: Bool {
        self.process.withLock { $0?.isRunning ?? false }
    }

    /// Starts the broker (if it is not running) and waits until it accepts connections.
    public func start(timeout: Duration = .seconds(20)) async throws(TansuBrokerError) {
        let started: Process? = try self.process.withLock { (current) throws(TansuBrokerError) -> Process? in
            if let current, current.isRunning { return nil }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: self.executable)
            let url = "tcp://127.0.0.1:\(self.port)"
            process.arguments = ["broker", "--listener-url", url, "--advertised-listener-url", url]
            _ = FileManager.default.createFile(atPath: self.logFile, contents: nil)
            let log = FileHandle(forWritingAtPath: self.logFile)
            log?.seekToEndOfFile()
            process.standardOutput = log ?? FileHandle.nullDevice
            process.standardError = log ?? FileHandle.nullDevice
            do {
                try process.run()
            } catch {
                throw TansuBrokerError("could not start \(self.executable): \(error)")
            }
            current = process
            return process
        }
        guard let started else { return }
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while !LoopbackPorts.acceptsConnections(self.port) {
            guard started.isRunning else {
                throw TansuBrokerError(
                    "tansu exited with status \(started.terminationStatus) before accepting connections; log: \(self.logTail())"
                )
            }
            guard ContinuousClock.now < deadline else {
                self.stop()
                throw TansuBrokerError("tansu did not accept connections on \(self.bootstrapServers) within \(timeout); log: \(self.logTail())")
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Stops the broker: SIGTERM, then SIGKILL if it is still running after a second (Tansu may keep running
    /// after SIGTERM while clients are connected; its storage is in memory, so nothing is lost that a test needs).
    /// Does nothing if it is not running.
    public func stop() {
        let process = self.process.withLock { current in
            defer { current = nil }
            return current
        }
        guard let process, process.isRunning else { return }
        process.terminate()
        for _ in 0..<20 where process.isRunning {
            usleep(50_000)
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
    }

    private func logTail() -> String {
        let text = (try? String(contentsOfFile: self.logFile, encoding: .utf8)) ?? ""
        return String(text.suffix(2000))
    }

    private static func findExecutable() throws(TansuBrokerError) -> String {
        let environment = ProcessInfo.processInfo.environment
        if let configured = environment["GRIDLOOP_TANSU_BIN"], !configured.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: configured) else {
                throw TansuBrokerError("GRIDLOOP_TANSU_BIN=\(configured) is not an executable file; run scripts/bootstrap")
            }
            return configured
        }
        let candidates =
            ["/usr/local/bin/tansu"]
            + (environment["PATH"] ?? "").split(separator: ":").map { "\($0)/tansu" }
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
            return found
        }
        throw TansuBrokerError(
            "the Tansu broker binary was not found (GRIDLOOP_TANSU_BIN, /usr/local/bin/tansu, PATH); run scripts/bootstrap"
        )
    }
}
