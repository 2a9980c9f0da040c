import AssessmentService
import Foundation
import GridDomain
import GridRuntime
import Logging
import PostgresNIO
import TestSupport

/// A fresh database with the assessment schema migrated, for one test.
enum AssessmentDatabase {
    static let schema = "assessment"

    /// Runs `body` with a migrated database; dropped afterwards.
    static func with<Result: Sendable>(_ body: (TestDatabase) async throws -> Result) async throws -> Result {
        try await TestDatabase.withDatabase(schema: schema) { database in
            try await AssessmentMigrations.apply(schema: schema, on: database.client, logger: database.logger)
            return try await body(database)
        }
    }

    /// Records `messages` with the projector, `batchSize` per transaction.
    @discardableResult
    static func project(
        _ messages: [LifecycleMessage], batchSize: Int = 50, in database: TestDatabase
    ) async throws -> ProjectionSummary {
        let projector = LifecycleFactProjector(logger: database.logger, metricsFactory: ServiceMetrics().factory)
        var total = ProjectionSummary()
        var start = 0
        while start < messages.count {
            let batch = Array(messages[start..<min(start + batchSize, messages.count)])
            let summary = try await database.client.withTransaction(logger: database.logger) { connection in
                try await projector.project(batch, on: connection)
            }
            total.recorded += summary.recorded
            total.alreadyRecorded += summary.alreadyRecorded
            total.unknownTypes += summary.unknownTypes
            total.gaps += summary.gaps
            total.factsWritten += summary.factsWritten
            start += batchSize
        }
        return total
    }

    /// A count from a query returning one integer.
    static func count(_ query: PostgresQuery, in database: TestDatabase) async throws -> Int {
        var value = 0
        for try await count in try await database.client.query(query, logger: database.logger).decode(Int.self) { value = count }
        return value
    }
}
