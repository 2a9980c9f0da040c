import Foundation
import Logging
import PostgresNIO

extension TestDatabase {
    /// The superuser connection settings from `GRIDLOOP_TEST_PG_URL`
    /// (`postgres://USER[:PASSWORD]@HOST:PORT/DATABASE`).
    struct Server: Sendable {
        static let environmentVariable = "GRIDLOOP_TEST_PG_URL"

        let host: String
        let port: Int
        let username: String
        let password: String?
        let database: String

        static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Server {
            guard let url = environment[environmentVariable], !url.isEmpty else {
                throw TestDatabaseError(
                    "\(environmentVariable) is not set: run `eval \"$(scripts/test-env)\"` or scripts/test"
                )
            }
            guard let components = URLComponents(string: url),
                components.scheme == "postgres" || components.scheme == "postgresql",
                let host = components.host, !host.isEmpty,
                let username = components.user, !username.isEmpty
            else {
                throw TestDatabaseError(
                    "\(environmentVariable)='\(url)' is not a postgres://USER@HOST:PORT/DATABASE URL; run `eval \"$(scripts/test-env)\"`"
                )
            }
            let database = components.path.drop(while: { $0 == "/" })
            return Server(
                host: host,
                port: components.port ?? 5432,
                username: username,
                password: components.password,
                database: database.isEmpty ? "postgres" : String(database)
            )
        }

        /// Settings for a connection to `database` as `username` (the superuser by default).
        func connectionConfiguration(
            database: String? = nil,
            username: String? = nil,
            password: String? = nil
        ) -> PostgresConnection.Configuration {
            PostgresConnection.Configuration(
                host: host,
                port: port,
                username: username ?? self.username,
                password: username == nil ? self.password : password,
                database: database ?? self.database,
                tls: .disable
            )
        }

        /// Runs `body` on a fresh superuser connection to `database`, closing it afterwards.
        @discardableResult
        func withConnection<Result>(
            database: String? = nil,
            logger: Logger,
            _ body: (PostgresConnection) async throws -> Result
        ) async throws -> Result {
            let connection: PostgresConnection
            do {
                connection = try await PostgresConnection.connect(
                    configuration: connectionConfiguration(database: database),
                    id: Int.random(in: 1...Int(Int32.max)),
                    logger: logger
                )
            } catch {
                throw TestDatabaseError(
                    "cannot connect to the test PostgreSQL at \(host):\(port) as \(username) "
                        + "(\(String(reflecting: error))); run `eval \"$(scripts/test-env)\"` to start it"
                )
            }
            do {
                let result = try await body(connection)
                try? await connection.close()
                return result
            } catch {
                try? await connection.close()
                throw error
            }
        }
    }
}
