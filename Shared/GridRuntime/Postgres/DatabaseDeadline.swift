import Synchronization

/// Runs a database operation, giving up on it after `timeout` **without waiting for it to finish**.
///
/// PostgresNIO 1.33 may never complete a request written to a connection the server is closing at
/// that moment (the request is dropped, and the await ignores cancellation). Code that must keep
/// going after a lost connection — the outbox relay — bounds its database calls with this: on time-out
/// the operation's task is cancelled and left behind (its connection is dead; its lease is the price
/// of not stalling forever), and ``DatabaseDeadlineExceeded`` is thrown, which callers treat as a
/// transient connection failure.
/// - Parameters:
///   - timeout: The longest the operation may take. Choose it well above the slowest normal run.
///   - what: Names the operation in the error.
///   - operation: The database work.
public func withDatabaseDeadline<Value: Sendable>(
    _ timeout: Duration,
    _ what: String,
    _ operation: @escaping @Sendable () async throws -> Value
) async throws -> Value {
    let state = DeadlineState<Value>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { continuation in
            state.pending.withLock { $0 = continuation }
            let work = Task {
                let result: Result<Value, any Error>
                do { result = .success(try await operation()) } catch { result = .failure(error) }
                state.tasks.withLock { $0.timer }?.cancel()
                state.pending.withLock { $0.take() }?.resume(with: result)
            }
            let timer = Task {
                try? await Task.sleep(for: timeout)
                guard !Task.isCancelled, let continuation = state.pending.withLock({ $0.take() }) else { return }
                work.cancel()
                continuation.resume(throwing: DatabaseDeadlineExceeded(operation: what, timeout: timeout))
            }
            state.tasks.withLock { $0 = (work, timer) }
        }
    } onCancel: {
        let (work, timer) = state.tasks.withLock { $0 }
        work?.cancel()
        timer?.cancel()
        state.pending.withLock { $0.take() }?.resume(throwing: CancellationError())
    }
}

/// A database operation did not finish within its deadline (see ``withDatabaseDeadline(_:_:_:)``).
/// Transient: retry on a new connection.
public struct DatabaseDeadlineExceeded: RetryClassifiable, CustomStringConvertible {
    /// The operation that timed out.
    public var operation: String
    /// Its deadline.
    public var timeout: Duration

    /// Always `true`.
    public var isRetriable: Bool { true }

    public var description: String {
        "\(operation) did not finish within \(timeout); the database connection is presumed lost"
    }
}

/// The continuation and the two tasks of one ``withDatabaseDeadline(_:_:_:)`` call, shared by them.
private final class DeadlineState<Value: Sendable>: Sendable {
    let pending = Mutex<CheckedContinuation<Value, any Error>?>(nil)
    let tasks = Mutex<(work: Task<Void, Never>?, timer: Task<Void, Never>?)>((nil, nil))
}
