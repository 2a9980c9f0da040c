import Configuration
import Foundation
import GridRuntime
import Logging
import PostgresNIO
import ServiceLifecycle
import Testing
import TestSupport

@Suite("Inbox pruner (real PostgreSQL)")
struct InboxPrunerTests {
    /// A pruner of `database`'s schema keeping one day, starting at once.
    static func pruner(
        _ database: TestDatabase, batchSize: Int = 10_000, interval: Duration = .seconds(3_600), metrics: ServiceMetrics = ServiceMetrics()
    ) -> InboxPruner {
        InboxPruner(
            schema: database.schema, client: database.client,
            configuration: .init(retention: .seconds(86_400), interval: interval, initialDelay: .zero, batchSize: batchSize),
            logger: database.logger, metricsFactory: metrics.factory)
    }

    /// Records `count` events of `consumer` processed `age` ago (`age` an SQL interval such as `'3 days'`).
    static func record(_ count: Int, of consumer: String, processed age: String, in database: TestDatabase) async throws {
        try await database.client.query(
            """
            INSERT INTO svc.inbox (consumer, event_source, event_id, processed_at)
            SELECT \(consumer), '/gridloop/test', \(age) || '-' || i, now() - \(age)::interval
            FROM generate_series(1, \(count)) AS i
            """,
            logger: database.logger)
    }

    /// Records per consumer, as `consumer:count` sorted by consumer.
    static func counts(in database: TestDatabase) async throws -> [String] {
        let rows = try await database.client.query(
            "SELECT consumer, count(*) FROM svc.inbox GROUP BY consumer ORDER BY consumer", logger: database.logger)
        var counts: [String] = []
        for try await (consumer, count) in rows.decode((String, Int).self) { counts.append("\(consumer):\(count)") }
        return counts
    }

    /// The value of a sample in the Prometheus text, or `nil` when absent.
    static func sample(_ name: String, in metrics: ServiceMetrics) -> Double? {
        for line in metrics.render().split(separator: "\n") where line.hasPrefix(name + "{") || line.hasPrefix(name + " ") {
            return line.split(separator: " ").last.flatMap { Double($0) }
        }
        return nil
    }

    @Test("old records of every consumer are deleted; recent ones are kept")
    func deletesOldRecordsOfAllConsumers() async throws {
        try await TestDatabase.withDatabase { database in
            try await database.migrate()
            try await Self.record(3, of: "routing", processed: "3 days", in: database)
            try await Self.record(2, of: "routing", processed: "1 hour", in: database)
            try await Self.record(4, of: "routing-replica", processed: "2 days", in: database)
            try await Self.record(1, of: "routing-replica", processed: "23 hours", in: database)
            // A record written through the inbox itself, just now.
            _ = try await InboxTests.inbox(database).process([testEvent(key: "C-1", sequence: 1)], handler: InboxTests.handle)

            let metrics = ServiceMetrics()
            let run = try await Self.pruner(database, metrics: metrics).prune()

            #expect(run == InboxPruner.Run(deleted: 7, batches: 1, isComplete: true))
            #expect(try await Self.counts(in: database) == ["routing:3", "routing-replica:1"])
            #expect(Self.sample("gridloop_inbox_pruned_total", in: metrics) == 7)
            // Records already pruned are not counted twice.
            #expect(try await Self.pruner(database).prune() == InboxPruner.Run(deleted: 0, batches: 1, isComplete: true))
        }
    }

    @Test("a run deletes in batches of at most the batch size until a batch comes up short")
    func deletesInBatches() async throws {
        try await TestDatabase.withDatabase { database in
            try await database.migrate()
            try await Self.record(13, of: "intake-inbound", processed: "20 days", in: database)
            try await Self.record(12, of: "intake-lifecycle", processed: "15 days", in: database)
            try await Self.record(6, of: "intake-lifecycle", processed: "2 hours", in: database)

            let run = try await Self.pruner(database, batchSize: 10).prune()

            #expect(run == InboxPruner.Run(deleted: 25, batches: 3, isComplete: true))
            #expect(try await Self.counts(in: database) == ["intake-lifecycle:6"])

            try await Self.record(20, of: "intake-inbound", processed: "30 days", in: database)
            // Exactly two full batches: a third, empty one ends the run.
            #expect(try await Self.pruner(database, batchSize: 10).prune() == InboxPruner.Run(deleted: 20, batches: 3, isComplete: true))
        }
    }

    @Test("the service prunes after start, keeps running, and stops on graceful shutdown")
    func runsAsAServiceUntilShutdown() async throws {
        try await TestDatabase.withDatabase { database in
            try await database.migrate()
            try await Self.record(5, of: "notification", processed: "40 days", in: database)
            try await Self.record(2, of: "notification", processed: "1 minute", in: database)
            let metrics = ServiceMetrics()
            let pruner = Self.pruner(database, batchSize: 2, metrics: metrics)

            try await withTimeout("the pruner to stop after graceful shutdown") {
                try await withServiceGroup([pruner], logger: database.logger) {
                    try await waitUntil("the first run has deleted the old records") {
                        Self.sample("gridloop_inbox_pruned_total", in: metrics) == 5
                    }
                }
            }
            #expect(try await Self.counts(in: database) == ["notification:2"])
            #expect(Self.sample("gridloop_inbox_pruned_total", in: metrics) == 5)
            #expect(Self.sample("gridloop_inbox_prune_failures_total", in: metrics) == 0)
            #expect((Self.sample("gridloop_inbox_prune_last_duration_seconds", in: metrics) ?? 0) > 0)
        }
    }

    @Test("a failed run is counted and logged, the service keeps running, and the next run succeeds")
    func retriesAfterAFailedRun() async throws {
        try await TestDatabase.withDatabase { database in
            try await database.migrate()
            try await Self.record(4, of: "assessment", processed: "30 days", in: database)
            try await database.client.query("ALTER TABLE svc.inbox RENAME TO inbox_away", logger: database.logger)
            let metrics = ServiceMetrics()
            let pruner = Self.pruner(database, interval: .milliseconds(100), metrics: metrics)

            try await withTimeout("the pruner to recover and stop") {
                try await withServiceGroup([pruner], logger: database.logger) {
                    try await waitUntil("a run has failed") {
                        (Self.sample("gridloop_inbox_prune_failures_total", in: metrics) ?? 0) >= 1
                    }
                    try await database.client.query("ALTER TABLE svc.inbox_away RENAME TO inbox", logger: database.logger)
                    try await waitUntil("a later run has deleted the old records") {
                        Self.sample("gridloop_inbox_pruned_total", in: metrics) == 4
                    }
                }
            }
            #expect(try await Self.counts(in: database) == [])
        }
    }

    @Test("a run stops before its next batch once a graceful shutdown has begun")
    func stopsBetweenBatchesOnShutdown() async throws {
        try await TestDatabase.withDatabase { database in
            try await database.migrate()
            try await Self.record(5, of: "routing", processed: "30 days", in: database)
            let pruner = Self.pruner(database, batchSize: 2)
            let stoppedRun = StoppedRun(pruner: pruner)

            try await withTimeout("the shutdown") {
                try await withServiceGroup([stoppedRun], logger: database.logger) {
                    try await waitUntil("the run waits for the shutdown") { await stoppedRun.state.isWaiting }
                }
            }
            #expect(await stoppedRun.state.run == InboxPruner.Run(deleted: 0, batches: 0, isComplete: false))
            #expect(try await Self.counts(in: database) == ["routing:5"])
        }
    }
}

@Suite("Inbox pruning settings")
struct InboxPruningSettingsTests {
    static let required: [String: ConfigValue] = [
        "database.host": "db.internal", "database.name": "gridloop", "database.user": "routing",
        "auth.jwt.secret": ConfigValue(.string(String(repeating: "k", count: 40)), isSecret: true),
    ]

    @Test("defaults: 14 days of retention, a run every hour")
    func defaults() throws {
        let configuration = try ServiceConfiguration.load(
            service: "routing", usesKafka: false, source: ConfigurationTests.inMemory(Self.required))
        #expect(configuration.inboxPruning.retention == .seconds(14 * 86_400))
        #expect(configuration.inboxPruning.interval == .seconds(3_600))
    }

    @Test("INBOX_RETENTION_SECONDS and INBOX_PRUNE_INTERVAL_SECONDS are read in seconds")
    func readsSeconds() throws {
        let values = Self.required.merging(["inbox.retentionSeconds": "864000", "inbox.pruneIntervalSeconds": "600"]) { $1 }
        let configuration = try ServiceConfiguration.load(service: "routing", usesKafka: false, source: ConfigurationTests.inMemory(values))
        #expect(configuration.inboxPruning.retention == .seconds(10 * 86_400))
        #expect(configuration.inboxPruning.interval == .seconds(600))
    }

    @Test("a retention shorter than a day is refused at startup with the reason")
    func refusesShortRetention() throws {
        let values = Self.required.merging(["inbox.retentionSeconds": "3600", "inbox.pruneIntervalSeconds": "0"]) { $1 }
        let error = try #require(throws: ConfigurationError.self) {
            try ServiceConfiguration.load(service: "routing", usesKafka: false, source: ConfigurationTests.inMemory(values))
        }
        #expect(error.environmentNames == ["INBOX_RETENTION_SECONDS", "INBOX_PRUNE_INTERVAL_SECONDS"])
        #expect(error.description.contains(#"INBOX_RETENTION_SECONDS is invalid ("3600": shorter than 1 day"#))
        #expect(error.description.contains("redelivered event is processed twice"))
    }
}

/// Begins a pruning run only after graceful shutdown has begun, and records what it did.
private struct StoppedRun: Service {
    let pruner: InboxPruner
    let state = RunState()

    func run() async throws {
        await state.setWaiting()
        try? await gracefulShutdown()
        await state.finish(try await pruner.prune())
    }
}

private actor RunState {
    private(set) var isWaiting = false
    private(set) var run: InboxPruner.Run?
    func setWaiting() { isWaiting = true }
    func finish(_ run: InboxPruner.Run) { self.run = run }
}
