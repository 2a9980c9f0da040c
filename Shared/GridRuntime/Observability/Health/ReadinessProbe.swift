import Logging
import Synchronization

/// Runs the readiness checks concurrently, each bounded by `timeout`, and reports each one.
public struct ReadinessProbe: Sendable {
    /// The result of one check.
    public struct CheckResult: Sendable, Hashable, Encodable {
        /// `up` or `down`.
        public enum Status: String, Sendable, Hashable, Encodable {
            /// The condition holds.
            case up
            /// The condition does not hold (or the check timed out).
            case down
        }
        /// Check name.
        public let name: String
        /// Up or down.
        public let status: Status
        /// Why it is down.
        public let error: String?
    }

    /// The result of all checks.
    public struct Report: Sendable, Hashable, Encodable {
        /// `ready` when every check is up, else `not_ready`.
        public let status: String
        /// One entry per check, in registration order.
        public let checks: [CheckResult]
        /// True when every check is up.
        public var isReady: Bool { status == "ready" }
    }

    /// The checks.
    public let checks: [ReadinessCheck]
    /// Limit per check.
    public let timeout: Duration
    private let logger: Logger

    /// Creates a probe.
    public init(checks: [ReadinessCheck], timeout: Duration, logger: Logger) {
        self.checks = checks
        self.timeout = timeout
        self.logger = logger
    }

    /// Runs every check and returns the report.
    public func run() async -> Report {
        let results = await withTaskGroup(of: (Int, CheckResult).self) { group in
            for (index, check) in checks.enumerated() {
                group.addTask { (index, await self.run(check)) }
            }
            var results = [CheckResult?](repeating: nil, count: checks.count)
            for await (index, result) in group { results[index] = result }
            return results.compactMap { $0 }
        }
        let ready = results.allSatisfy { $0.status == .up }
        return Report(status: ready ? "ready" : "not_ready", checks: results)
    }

    private func run(_ check: ReadinessCheck) async -> CheckResult {
        let outcome = await Self.withTimeout(timeout, check.check)
        switch outcome {
        case .success:
            return CheckResult(name: check.name, status: .up, error: nil)
        case .failure(let error):
            logger.warning(
                "readiness check failed",
                metadata: ["check": .string(check.name), "error": .string(String(reflecting: (error as? ReadinessFailure)?.underlying ?? error))])
            let message = (error as? ReadinessFailure)?.message ?? "check failed"
            return CheckResult(name: check.name, status: .down, error: message)
        }
    }

    /// Runs `operation` but answers after `timeout` at the latest, even if the operation ignores
    /// cancellation (it is cancelled and left to finish in the background).
    static func withTimeout(_ timeout: Duration, _ operation: @escaping @Sendable () async throws -> Void) async -> Result<Void, any Error> {
        let resumed = Mutex(false)
        let tasks = Mutex<[Task<Void, Never>]>([])
        return await withCheckedContinuation { (continuation: CheckedContinuation<Result<Void, any Error>, Never>) in
            let finish: @Sendable (Result<Void, any Error>) -> Void = { result in
                let first = resumed.withLock { done in
                    defer { done = true }
                    return !done
                }
                guard first else { return }
                continuation.resume(returning: result)
                tasks.withLock { $0.forEach { $0.cancel() } }
            }
            let work = Task {
                do {
                    try await operation()
                    finish(.success(()))
                } catch {
                    finish(.failure(error))
                }
            }
            let timer = Task {
                try? await Task.sleep(for: timeout)
                finish(.failure(ReadinessFailure("timed out after \(timeout)")))
            }
            tasks.withLock { $0 = [work, timer] }
            if resumed.withLock({ $0 }) { work.cancel(); timer.cancel() }
        }
    }
}
