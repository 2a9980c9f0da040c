import Foundation
import GridDomain
import GridRuntime
import Logging
import PostgresNIO
@testable import SLAMonitorService
import TestSupport

/// A fresh database with the sla-monitor's schema migrated, and helpers to look inside it.
struct SLADatabase {
    let database: TestDatabase
    var client: PostgresClient { database.client }
    var logger: Logger { database.logger }
    var schema: PostgresIdentifier { database.schema }
    var outbox: Outbox { Outbox(schema: schema) }
    var channel: String { SLAMonitor.timerChannel(schema: schema) }

    /// Runs `body` with a migrated database, dropped afterwards.
    static func with<Result: Sendable>(_ body: (SLADatabase) async throws -> Result) async throws -> Result {
        try await TestDatabase.withDatabase(schema: "sla_monitor", logger: SLAFixtures.logger) { database in
            try await MigrationRunner(configuration: .init(schema: database.schema), logger: database.logger)
                .run(SLAMonitor.migrations, on: database.client)
            return try await body(SLADatabase(database: database))
        }
    }

    /// Applies `events` as one consumer batch (one transaction).
    func apply(_ events: [LifecycleInput], reference: DeadlineReference, now: Date = Date()) async throws {
        let applier = LifecycleApplier(
            book: ClockBook(reference: reference), store: CaseClockStore(channel: channel), metrics: SLAFixtures.metrics,
            wakeHorizon: .seconds(1), logger: logger)
        try await outbox.withTransaction(on: client, logger: logger) { transaction in
            var cases: [CaseID: CaseClocks] = [:]
            try await applier.apply(events, cases: &cases, on: transaction.connection, now: now)
        }
    }

    /// A timer over this database (rounds are driven by the test with explicit times).
    func timer(reference: DeadlineReference, batchSize: Int = 500, client: PostgresClient? = nil) -> DeadlineTimer {
        DeadlineTimer(
            client: client ?? self.client, outbox: outbox, reference: reference, metrics: SLAFixtures.metrics,
            configuration: .init(batchSize: batchSize, maximumSleep: .milliseconds(200)), channel: channel, logger: logger,
            now: { Date() })
    }

    /// Runs one timer round at `now`.
    @discardableResult
    func issueRound(at now: Date, reference: DeadlineReference, batchSize: Int = 500) async throws -> Int {
        let timer = timer(reference: reference, batchSize: batchSize)
        return try await client.withConnection { connection in try await timer.issueRound(at: now, on: connection) }
    }

    /// A stored run.
    struct Row: Sendable, Equatable {
        let stage: String
        let run: Int
        let status: String
        let dueAt: Date?
        let yellowIssuedAt: Date?
        let redIssuedAt: Date?
        let nextCardAt: Date?
    }

    /// The runs of a case, by stage name then run.
    func rows(of caseID: CaseID) async throws -> [Row] {
        let rows = try await client.query(
            """
            SELECT stage, run, status, due_at, yellow_issued_at, red_issued_at, next_card_at
            FROM stage_clocks WHERE case_id = \(caseID.rawValue) ORDER BY stage, run
            """, logger: logger)
        var result: [Row] = []
        for try await (stage, run, status, due, yellow, red, next) in rows.decode((String, Int, String, Date?, Date?, Date?, Date?).self) {
            result.append(Row(stage: stage, run: run, status: status, dueAt: due, yellowIssuedAt: yellow, redIssuedAt: red, nextCardAt: next))
        }
        return result
    }

    /// The last sequence stored for a case.
    func lastSequence(of caseID: CaseID) async throws -> Int? {
        let rows = try await client.query("SELECT last_sequence FROM cases WHERE case_id = \(caseID.rawValue)", logger: logger)
        var sequence: Int?
        for try await value in rows.decode(Int.self) { sequence = value }
        return sequence
    }

    /// The events of `source` recorded in the inbox.
    func inboxCount(source: String) async throws -> Int {
        let rows = try await client.query("SELECT count(*)::int8 FROM inbox WHERE event_source = \(source)", logger: logger)
        var count = 0
        for try await value in rows.decode(Int.self) { count = value }
        return count
    }

    /// The cards in the outbox, in order.
    func cards() async throws -> [DeadlineCardV1] {
        let rows = try await client.query(
            "SELECT event_type, topic, message_key, payload FROM outbox ORDER BY id", logger: logger)
        var cards: [DeadlineCardV1] = []
        for try await (type, topic, key, payload) in rows.decode((String, String, String, ByteBuffer).self) {
            guard topic == ContractTopic.caseLifecycle else { throw FixtureError("a card went to \(topic)") }
            switch try LifecycleTopicEventV1.decode(type: type, data: Data(payload.readableBytesView)) {
            case .yellowCard(let card), .redCard(let card):
                guard key == card.caseId.description else { throw FixtureError("card keyed \(key), case \(card.caseId)") }
                cards.append(card)
            default:
                throw FixtureError("\(type) in the outbox is not a card")
            }
        }
        return cards
    }
}
