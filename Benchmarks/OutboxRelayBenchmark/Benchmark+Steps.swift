import Foundation
import GridRuntime
import Logging
import PostgresNIO
import TestSupport

/// What was measured.
struct BenchmarkResult: Sendable {
    let events: Int
    let seconds: Double
    var eventsPerSecond: Double { Double(events) / seconds }
}

/// Creates a fresh database, fills its outbox and times the relay draining it.
func runBenchmark(options: BenchmarkOptions, logger: Logger) async throws -> BenchmarkResult {
    try await TestDatabase.withDatabase(schema: "bench", logger: logger) { database in
        try await MigrationRunner(configuration: .init(schema: database.schema), logger: logger)
            .run(try MigrationSet(name: "bench", migrations: []), on: database.client)
        let outbox = Outbox(schema: database.schema)
        let topic = "gridloop.bench.relay.\(UUID().uuidString.prefix(8).lowercased())"
        try await fill(outbox, client: database.client, topic: topic, options: options, logger: logger)
        return try await withPublisher(options: options, topic: topic, logger: logger) { publisher in
            try await measureRelay(outbox: outbox, database: database, publisher: publisher, options: options, logger: logger)
        }
    }
}

/// Writes the events, 1,000 per transaction, keys round-robin.
func fill(_ outbox: Outbox, client: PostgresClient, topic: String, options: BenchmarkOptions, logger: Logger) async throws {
    struct Payload: Codable { var sequence: Int; var note: String }
    let note = String(repeating: "x", count: max(0, options.payloadBytes - 30))
    var written = 0
    while written < options.events {
        let chunk = min(1_000, options.events - written)
        let first = written
        try await outbox.withTransaction(on: client, logger: logger) { transaction in
            for sequence in first..<(first + chunk) {
                let event = try CloudEvent(
                    id: UUID().uuidString,
                    source: "/gridloop/benchmark",
                    type: "gridloop.benchmark.happened.v1",
                    subject: "C-\(sequence % options.keys)",
                    time: Date(),
                    payload: Payload(sequence: sequence, note: note)
                )
                try transaction.enqueue(event, topic: topic)
            }
        }
        written += chunk
    }
}

/// Runs the relay until the outbox is empty and times it.
func measureRelay(
    outbox: Outbox,
    database: TestDatabase,
    publisher: any MessagePublisher,
    options: BenchmarkOptions,
    logger: Logger
) async throws -> BenchmarkResult {
    let relay = OutboxRelay(
        outbox: outbox,
        client: database.client,
        publisher: publisher,
        configuration: .init(batchSize: options.batchSize, pollInterval: .milliseconds(100)),
        logger: logger
    )
    let clock = ContinuousClock()
    return try await withThrowingTaskGroup(of: Void.self) { group in
        let started = clock.now
        group.addTask { try await relay.run() }
        while try await pending(database) > 0 {
            try await Task.sleep(for: .milliseconds(20))
        }
        let elapsed = clock.now - started
        group.cancelAll()
        return BenchmarkResult(events: options.events, seconds: elapsed / .seconds(1))
    }
}

private func pending(_ database: TestDatabase) async throws -> Int {
    let rows = try await database.client.query("SELECT count(*) FROM bench.outbox", logger: database.logger)
    var count = 0
    for try await value in rows.decode(Int.self) { count = value }
    return count
}
