import Foundation
import GridDomain
import GridRuntime
import Logging
import PostgresNIO
import RoutingService
import TestSupport

/// A fresh test database with routing's schema migrated (platform tables first).
enum RoutingDatabase {
    static func with<Result: Sendable>(_ body: (TestDatabase) async throws -> Result) async throws -> Result {
        try await TestDatabase.withDatabase(schema: "routing") { database in
            try await MigrationRunner(configuration: .init(schema: database.schema), logger: database.logger)
                .run(RoutingSchema.migrations, on: database.client)
            return try await body(database)
        }
    }

    /// Saves a workspace in one outbox transaction, as the consumer and the API do.
    static func save(_ workspace: RoutingWorkspace, in database: TestDatabase) async throws {
        let outbox = Outbox(schema: database.schema)
        try await outbox.withTransaction(on: database.client, logger: database.logger) { transaction in
            try await RoutingStore().save(workspace, on: transaction.connection, logger: database.logger)
            try RoutingEvents.enqueue(workspace.outgoing, into: transaction)
        }
    }

    /// Loads replicas in a transaction (the lock ends with it).
    static func load(_ ids: [CaseID], in database: TestDatabase) async throws -> [CaseReplica] {
        try await database.client.withConnection { connection in
            try await connection.withTransaction(logger: database.logger) { transaction in
                try await RoutingStore().load(ids, on: transaction, logger: database.logger)
            }
        }
    }

    /// One integer from a query.
    static func count(_ query: PostgresQuery, in database: TestDatabase) async throws -> Int {
        let rows = try await database.client.query(query, logger: database.logger)
        for try await value in rows.decode(Int.self) { return value }
        return 0
    }
}
