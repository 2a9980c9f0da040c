import Foundation

/// A bounded wait ran out; says what was being waited for.
struct WaitTimedOut: Error, CustomStringConvertible {
    let description: String
}

/// Polls `condition` every 50 ms until it holds, or throws after `timeout` with a message naming `what`.
func waitUntil(
    _ what: String,
    timeout: Duration = .seconds(60),
    _ condition: () async throws -> Bool
) async throws {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    while try await !condition() {
        guard ContinuousClock.now < deadline else {
            throw WaitTimedOut(description: "timed out after \(timeout) waiting until \(what)")
        }
        try await Task.sleep(for: .milliseconds(50))
    }
}

/// Runs `operation`, failing with a message naming `what` if it takes longer than `timeout`.
func withTimeout<Value: Sendable>(
    _ what: String,
    timeout: Duration = .seconds(60),
    _ operation: @escaping @Sendable () async throws -> Value
) async throws -> Value {
    try await withThrowingTaskGroup(of: Value?.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: timeout)
            return nil
        }
        guard let first = try await group.next(), let value = first else {
            group.cancelAll()
            throw WaitTimedOut(description: "timed out after \(timeout) waiting for \(what)")
        }
        group.cancelAll()
        return value
    }
}

/// A name no other test uses, e.g. `roundtrip-3F2A9C1B`.
func uniqueName(_ prefix: String) -> String {
    "\(prefix)-\(UUID().uuidString.prefix(8))"
}
