import PostgresNIO
import Synchronization

/// The connection a deadline-bounded database operation works on, which
/// ``withDatabaseDeadline(_:_:closing:_:)`` closes when it gives up on the operation.
///
/// Closing is what ends the abandoned work on the server: PostgreSQL rolls back the transaction of a
/// connection that is gone and frees its row locks, so the retry does not wait on them. (A backend busy
/// in a statement notices the closed connection only with `client_connection_check_interval` set; see
/// `PostgresClient.Configuration.checkClientConnection(every:)`.)
///
/// For a connection the caller already holds, pass `DeadlineConnection(connection)`. For one leased from
/// a pool, use ``withDatabaseDeadline(_:_:leasingFrom:_:)``, which records the leased connection here and
/// releases it before the lease ends, so a connection back in the pool is never closed:
///
/// ```swift
/// try await withDatabaseDeadline(.seconds(30), "an inbox transaction", leasingFrom: client) { connection in
///     try await outbox.withTransaction(on: connection, logger: logger) { transaction in … }
/// }
/// ```
public final class DeadlineConnection: Sendable {
    private enum State {
        /// No connection recorded yet, or released.
        case idle
        /// The operation works on this connection.
        case recorded(PostgresConnection)
        /// The deadline passed: connections recorded from now on are closed at once.
        case abandoned
    }

    private let state: Mutex<State>

    /// A holder whose connection is recorded later, with ``record(_:)``.
    public init() {
        state = Mutex(.idle)
    }

    /// A holder of `connection`, which the caller holds for the whole operation.
    public init(_ connection: PostgresConnection) {
        state = Mutex(.recorded(connection))
    }

    /// Records the connection the operation now works on.
    /// - Throws: `CancellationError` (after closing `connection`) if the deadline has already passed:
    ///   the abandoned operation must not start work that nobody waits for.
    public func record(_ connection: PostgresConnection) throws(CancellationError) {
        let isAbandoned = state.withLock { state in
            if case .abandoned = state { return true }
            state = .recorded(connection)
            return false
        }
        if isAbandoned {
            Self.close(connection)
            throw CancellationError()
        }
    }

    /// Forgets the recorded connection (call it before the connection goes back to the pool): from now
    /// on the deadline closes nothing.
    public func release() {
        state.withLock { state in
            if case .recorded = state { state = .idle }
        }
    }

    /// Called when the deadline passes: closes the recorded connection, if any, and every connection
    /// recorded afterwards. Returns at once; the connection closes in the background.
    func abandon() {
        let connection = state.withLock { state -> PostgresConnection? in
            defer { state = .abandoned }
            if case .recorded(let connection) = state { return connection }
            return nil
        }
        if let connection { Self.close(connection) }
    }

    /// Closes `connection` without waiting (the future completes on its event loop). The requests in
    /// flight on it fail, so the abandoned operation ends and gives its lease back.
    private static func close(_ connection: PostgresConnection) {
        let closing: EventLoopFuture<Void> = connection.close()
        _ = closing
    }
}
