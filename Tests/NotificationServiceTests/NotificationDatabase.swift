import Foundation
import GridRuntime
import Logging
import NotificationService
import PostgresNIO
import TestSupport

/// A fresh database with the notification schema migrated, as the service has it at start-up.
enum NotificationDatabase {
    static func with<Result: Sendable>(_ body: (TestDatabase) async throws -> Result) async throws -> Result {
        try await TestDatabase.withDatabase(schema: "notification") { database in
            try await MigrationRunner(configuration: .init(schema: database.schema), logger: database.logger)
                .run(NotificationSchema.migrationSet, on: database.client)
            return try await body(database)
        }
    }

    /// The deliveries of a case: recipient → (status, attempts, last error).
    static func deliveries(
        of caseId: UUID? = nil, on client: PostgresClient, logger: Logger
    ) async throws -> [String: (status: String, attempts: Int, lastError: String?)] {
        let rows = try await client.query(
            "SELECT recipient, status, attempts, last_error FROM deliveries WHERE \(caseId)::uuid IS NULL OR case_id = \(caseId)",
            logger: logger)
        var result: [String: (String, Int, String?)] = [:]
        for try await (recipient, status, attempts, error) in rows.decode((String, String, Int, String?).self) {
            result[recipient] = (status, attempts, error)
        }
        return result
    }

    /// Makes every pending delivery due now (instead of waiting for its backoff).
    static func makeDue(on client: PostgresClient, logger: Logger) async throws {
        try await client.query("UPDATE deliveries SET next_attempt_at = now() WHERE status IN ('pending', 'sending')", logger: logger)
    }
}

extension LifecycleNotifier {
    /// Processes events through the inbox a batch at a time, as the service's consumer does.
    func consume(_ events: [CloudEvent], in database: TestDatabase) async throws -> [InboxOutcome] {
        let inbox = Inbox(
            outbox: Outbox(schema: database.schema), client: database.client,
            configuration: .init(consumerName: "notification", backoff: RetryBackoff(initialDelay: .milliseconds(1))),
            logger: database.logger)
        return try await inbox.processBatch(events) { batch, transaction in
            try await self.handle(batch, in: transaction)
        }
    }
}
