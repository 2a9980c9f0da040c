import Foundation

/// A bounded wait ran out; says what was being waited for.
public struct WaitTimedOut: Error, CustomStringConvertible, Sendable {
    /// What was waited for, and for how long.
    public let description: String

    /// Creates the error.
    public init(description: String) {
        self.description = description
    }
}

/// Polls `condition` every 50 ms until it holds, or throws ``WaitTimedOut`` after `timeout` with a message
/// naming `what` (a bound against hanging, not an assertion on speed).
public func waitUntil(
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

/// Runs `operation`, throwing ``WaitTimedOut`` with a message naming `what` if it takes longer than
/// `timeout` (the operation is then cancelled).
public func withTimeout<Value: Sendable>(
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
