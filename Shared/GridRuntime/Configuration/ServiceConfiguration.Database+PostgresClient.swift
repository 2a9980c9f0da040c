import NIOSSL
public import PostgresNIO

extension ServiceConfiguration.Database {
    /// The PostgresNIO client configuration: pool size, TLS mode and the service's schema first on
    /// the `search_path` (then `public`, where extensions such as PostGIS live). The server checks
    /// every second that a busy session's client is still there
    /// (`PostgresClient.Configuration.checkClientConnection(every:)`), so a transaction
    /// given up on by ``withDatabaseDeadline(_:_:closing:_:)`` releases its locks.
    ///
    /// TLS: `disable` → plain; `prefer` → TLS when offered, certificate not verified (like libpq's
    /// `sslmode=prefer`); `require` → TLS with full certificate verification.
    public var postgresClientConfiguration: PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS
        switch self.tls {
        case .disable:
            tls = .disable
        case .prefer:
            var unverified = TLSConfiguration.makeClientConfiguration()
            unverified.certificateVerification = .none
            tls = .prefer(unverified)
        case .require:
            tls = .require(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: user, password: password, database: name, tls: tls)
        configuration.options.maximumConnections = maxConnections
        configuration.options.additionalStartupParameters = [("search_path", "\(schema), public")]
        configuration.checkClientConnection()
        return configuration
    }
}
