public import PostgresNIO

extension PostgresClient.Configuration {
    /// The default of ``checkClientConnection(every:)``: 1 s.
    public static let defaultClientConnectionCheckInterval: Duration = .seconds(1)

    /// Has the server check, every `interval` while it runs a statement, that the client is still
    /// connected, and end the session if not (PostgreSQL's `client_connection_check_interval`, sent as a
    /// startup parameter; effective on Linux servers).
    ///
    /// Without it a backend busy in a statement — waiting for a row lock, or in a slow query — notices a
    /// closed connection only when the statement ends. So a transaction that
    /// ``withDatabaseDeadline(_:_:closing:_:)`` abandoned and closed would keep its locks until then; with
    /// it, the server rolls the transaction back within about `interval`.
    /// - Parameter interval: How often to check; at least 1 ms. Default
    ///   ``defaultClientConnectionCheckInterval``.
    public mutating func checkClientConnection(every interval: Duration = defaultClientConnectionCheckInterval) {
        let (seconds, attoseconds) = interval.components
        let milliseconds = max(1, seconds * 1_000 + attoseconds / 1_000_000_000_000_000)
        options.additionalStartupParameters.removeAll { $0.0 == "client_connection_check_interval" }
        options.additionalStartupParameters.append(("client_connection_check_interval", "\(milliseconds)"))
    }
}
