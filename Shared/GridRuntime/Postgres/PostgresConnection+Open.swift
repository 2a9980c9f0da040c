import PostgresNIO

extension PostgresConnection {
    /// Throws ``DatabaseConnectionClosed`` if the connection is already closed.
    ///
    /// PostgresNIO 1.33 never completes a query written to a connection whose channel has already
    /// closed (the request is dropped), so code that leases a connection checks it first: the pool can
    /// hand out a connection the server has just terminated, before it has noticed.
    public func requireOpen() throws(DatabaseConnectionClosed) {
        if isClosed { throw DatabaseConnectionClosed() }
    }
}

/// A pooled connection turned out to be closed before use. Transient: retry with a new connection.
public struct DatabaseConnectionClosed: RetryClassifiable, CustomStringConvertible {
    /// Always `true`.
    public var isRetriable: Bool { true }

    /// Creates the error.
    public init() {}

    public var description: String { "the database connection was closed before it could be used" }
}
