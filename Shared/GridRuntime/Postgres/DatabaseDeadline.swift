import Synchronization

/// Runs a database operation, giving up on it after `timeout` **without waiting for it to finish**.
///
/// PostgresNIO 1.33 may never complete a request written to a connection the server is closing at
/// that moment (the request is dropped, and the await ignores cancellation). Code that must keep
/// going after a lost connection — the outbox relay, the inbox — bounds its database calls with this.
/// On time-out the operation's task is cancelled and left behind, `connection`'s connection (if any) is
/// closed without waiting, and ``DatabaseDeadlineExceeded`` is thrown, which callers treat as a
/// transient connection failure and retry. When the caller is cancelled, the same happens with
/// `CancellationError`.
///
/// Closing matters when the connection was in fact alive (a slow server, a statement waiting for a
/// lock): the abandoned transaction would otherwise keep its row locks until it finished, and the
/// retry would wait on them. Once the connection is closed the server rolls the transaction back.
/// - Parameters:
///   - timeout: The longest the operation may take. Choose it well above the slowest normal run.
///   - what: Names the operation in the error.
///   - connection: The connection the operation works on, closed on time-out. Default `nil`: nothing
///     is closed (for work that holds no connection of its own).
///   - operation: The database work.
public func withDatabaseDeadline<Value: Sendable>(
    _ timeout: Duration,
    _ what: String,
    closing connection: DeadlineConnection? = nil,
    _ operation: @escaping @Sendable () async throws -> Value
) async throws -> Value {
    let state = DeadlineState<Value>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { continuation in
            state.pending.withLock { $0 = continuation }
            let work = Task {
                let result: Result<Value, any Error>
                do { result = .success(try await operation()) } catch { result = .failure(error) }
                connection?.release()
                state.tasks.withLock { $0.timer }?.cancel()
                state.pending.withLock { $0.take() }?.resume(with: result)
            }
            let timer = Task {
                try? await Task.sleep(for: timeout)
                guard !Task.isCancelled, let continuation = state.pending.withLock({ $0.take() }) else { return }
                connection?.abandon()
                work.cancel()
                continuation.resume(throwing: DatabaseDeadlineExceeded(operation: what, timeout: timeout))
            }
            state.tasks.withLock { $0 = (work, timer) }
        }
    } onCancel: {
        let (work, timer) = state.tasks.withLock { $0 }
        work?.cancel()
        timer?.cancel()
        guard let continuation = state.pending.withLock({ $0.take() }) else { return }
        connection?.abandon()
        continuation.resume(throwing: CancellationError())
    }
}

/// A database operation did not finish within its deadline (see ``withDatabaseDeadline(_:_:closing:_:)``).
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

/// The continuation and the two tasks of one ``withDatabaseDeadline(_:_:closing:_:)`` call, shared by them.
private final class DeadlineState<Value: Sendable>: Sendable {
    let pending = Mutex<CheckedContinuation<Value, any Error>?>(nil)
    let tasks = Mutex<(work: Task<Void, Never>?, timer: Task<Void, Never>?)>((nil, nil))
}
