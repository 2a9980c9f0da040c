import Foundation

/// A `postgres://user:password@host:port/database` URL, parsed.
struct DatabaseLocation: Sendable, CustomStringConvertible {
    var host: String
    var port: Int
    var user: String
    var password: String?
    var database: String

    init(url text: String) throws {
        guard let url = URLComponents(string: text), ["postgres", "postgresql"].contains(url.scheme ?? ""),
            let host = url.host, !host.isEmpty, let user = url.user, !user.isEmpty
        else {
            throw LoadToolError("--notification-database-url: expected postgres://user:password@host:port/database, got a malformed URL")
        }
        let database = String(url.path.drop { $0 == "/" })
        guard !database.isEmpty else { throw LoadToolError("--notification-database-url names no database") }
        self.host = host
        self.port = url.port ?? 5432
        self.user = user
        self.password = url.password?.removingPercentEncoding ?? url.password
        self.database = database
    }

    /// The URL without the password.
    var description: String { "postgres://\(self.user)@\(self.host):\(self.port)/\(self.database)" }
}
