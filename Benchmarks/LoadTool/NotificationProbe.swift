import Foundation
import Logging
import PostgresNIO
import Synchronization

/// Reads, read-only, when notification recorded its first delivery for each of the run's cases
/// (`notification.deliveries.created_at`, see docs/services/notification.md) and marks `notified` in the ledger.
///
/// Polls every second for the deliveries recorded since the previous poll (the latency is `created_at`, not the
/// poll's time, so the interval only bounds how soon the tool sees them, and a longer one costs the measured
/// database less). If the query fails (the service is not there yet, wrong password) the error is kept for the
/// report and the probe keeps trying.
final class NotificationProbe: Sendable {
    let location: DatabaseLocation
    let ledger: OrderLedger
    let logger: Logger
    private let error = Mutex<String?>(nil)
    /// Deliveries recorded before this are not of this run.
    private let start = Date()

    init(location: DatabaseLocation, ledger: OrderLedger, logger: Logger) throws {
        self.location = location
        self.ledger = ledger
        self.logger = logger
    }

    /// The last failure of a query, if the last attempt failed.
    var lastError: String? { self.error.withLock { $0 } }

    /// Polls until cancelled.
    func run() async throws {
        var connection: PostgresConnection?
        var since = self.start
        while !Task.isCancelled {
            do {
                if connection == nil || connection?.isClosed == true {
                    connection = try await self.connect()
                }
                try await self.poll(connection!, since: &since)
                self.error.withLock { $0 = nil }
            } catch {
                self.error.withLock { $0 = String(reflecting: error) }
                connection = nil
            }
            try? await Task.sleep(for: .seconds(1))
        }
        try? await connection?.close()
    }

    private func connect() async throws -> PostgresConnection {
        let configuration = PostgresConnection.Configuration(
            host: self.location.host, port: self.location.port, username: self.location.user,
            password: self.location.password, database: self.location.database, tls: .disable)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: self.logger)
        // Read-only: this tool never changes notification's data.
        try await connection.query("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY", logger: self.logger)
        return connection
    }

    /// Reads the deliveries recorded since the last poll (by `created_at`, with a 5 s overlap for transactions that
    /// committed after a later one: `created_at` is the transaction's start, and notification's transactions take well
    /// under a second) and marks the run's cases notified. A delivery missed anyway shows as a case never notified.
    private func poll(_ connection: PostgresConnection, since: inout Date) async throws {
        let from = since.addingTimeInterval(-5)
        let rows = try await connection.query(
            "SELECT case_id::text, created_at FROM notification.deliveries WHERE created_at >= \(from)", logger: self.logger)
        for try await (caseId, recordedAt) in rows.decode((String, Date).self) {
            self.ledger.notified(caseId: caseId, at: recordedAt)
            since = max(since, recordedAt)
        }
    }
}
