public import PostgresNIO

/// Leases a connection from `client` for `operation`, giving up after `timeout` as
/// ``withDatabaseDeadline(_:_:closing:_:)`` does — and, when it gives up, closing that connection (the
/// server then rolls the abandoned work back and frees its locks). The connection is released before the
/// lease ends, so a connection back in the pool is never closed. A connection found closed at lease time
/// fails with ``DatabaseConnectionClosed`` (transient).
/// - Parameters:
///   - timeout: The longest the operation may take. Choose it well above the slowest normal run.
///   - what: Names the operation in the error.
///   - client: The pool to lease from.
///   - operation: The database work, on the leased connection.
public func withDatabaseDeadline<Value: Sendable>(
    _ timeout: Duration,
    _ what: String,
    leasingFrom client: PostgresClient,
    _ operation: @escaping @Sendable (PostgresConnection) async throws -> Value
) async throws -> Value {
    let leased = DeadlineConnection()
    return try await withDatabaseDeadline(timeout, what, closing: leased) {
        try await client.withConnection { connection in
            try leased.record(connection)
            defer { leased.release() }
            try connection.requireOpen()
            return try await operation(connection)
        }
    }
}
