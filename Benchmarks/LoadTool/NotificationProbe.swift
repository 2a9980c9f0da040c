import Foundation
import Logging
import PostgresNIO
import Synchronization

/// Reads, read-only, when notification recorded its first delivery for each of the run's cases
/// (`notification.deliveries.created_at`, see docs/services/notification.md) and marks `notified` in the ledger.
///
/// Polls every 500 ms for the cases opened but not yet notified, in chunks. If the query fails (the service is not
/// there yet, wrong password) the error is kept for the report and the probe keeps trying.
final class NotificationProbe: Sendable {
    let location: DatabaseLocation
    let ledger: OrderLedger
    let logger: Logger
    private let error = Mutex<String?>(nil)

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
        while !Task.isCancelled {
            do {
                if connection == nil || connection?.isClosed == true {
                    connection = try await self.connect()
                }
                try await self.poll(connection!)
                self.error.withLock { $0 = nil }
            } catch {
                self.error.withLock { $0 = String(reflecting: error) }
                connection = nil
            }
            try? await Task.sleep(for: .milliseconds(500))
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

    private func poll(_ connection: PostgresConnection) async throws {
        let pending = self.ledger.casesAwaitingNotification()
        var start = 0
        while start < pending.count {
            let chunk = Array(pending[start..<min(pending.count, start + 5000)])
            start += chunk.count
            let rows = try await connection.query(
                """
                SELECT case_id::text, min(created_at) FROM notification.deliveries
                WHERE case_id::text = ANY(\(chunk)) GROUP BY case_id
                """, logger: self.logger)
            for try await (caseId, recordedAt) in rows.decode((String, Date).self) {
                self.ledger.notified(caseId: caseId, at: recordedAt)
            }
        }
    }
}
