import Foundation
import GridDomain
import GridRuntime
import PostgresNIO
@testable import SLAMonitorService
import ServiceLifecycle
import Testing
import TestSupport

/// The deadline timer against a real PostgreSQL: cards issued once each, to the outbox, in the same
/// transaction that marks them; replicas share the work; a crash before commit issues nothing.
@Suite("Deadline timer")
struct DeadlineTimerTests {
    let short = SLAFixtures.shortReference

    /// A case dispatched at `time` to a street unit (sign-for: 20 natural seconds, yellow at 10 s).
    func dispatched(at time: Date, category: String = "E0102") throws -> Timeline {
        var timeline = try Timeline(category: category, at: time)
        try timeline.fileAndDispatch(at: time)
        return timeline
    }

    @Test("yellow at the threshold, red after the due time, each once, with the case as of the last event")
    func yellowThenRed() async throws {
        let start = SLAFixtures.at("2025-03-03 09:00")
        let timeline = try dispatched(at: start)
        try await SLADatabase.with { db in
            try await db.apply(timeline.events, reference: short)
            #expect(try await db.issueRound(at: start.addingTimeInterval(9), reference: short) == 0)
            #expect(try await db.issueRound(at: start.addingTimeInterval(10), reference: short) == 1)
            #expect(try await db.issueRound(at: start.addingTimeInterval(15), reference: short) == 0)
            #expect(try await db.issueRound(at: start.addingTimeInterval(20), reference: short) == 0)  // due, not late
            #expect(try await db.issueRound(at: start.addingTimeInterval(21), reference: short) == 1)
            // Other stages (dispose: 60 s, yellow at 30 s) follow their own clocks.
            #expect(try await db.issueRound(at: start.addingTimeInterval(30), reference: short) == 1)
            #expect(try await db.issueRound(at: start.addingTimeInterval(3600), reference: short) == 1)
            #expect(try await db.issueRound(at: start.addingTimeInterval(7200), reference: short) == 0)

            let cards = try await db.cards()
            #expect(cards.map(\.card) == [.yellow, .red, .yellow, .red])
            #expect(cards.map(\.stage) == [.signFor, .signFor, .dispose, .dispose])
            let red = cards[1]
            #expect(red.caseId == timeline.caseID)
            #expect(red.issuedAt == start.addingTimeInterval(21))
            #expect(red.dueAt == start.addingTimeInterval(20))
            #expect(red.stageStartedAt == start)
            #expect(red.limit == TimeLimitV1(amount: 20, unit: .naturalSeconds))
            #expect(red.asOfSequence == 3)
            #expect(red.snapshot.state == .dispatched)
            #expect(red.escalation == EscalationTargetV1(target: .supervising, level: .district))
            let rows = try await db.rows(of: timeline.caseID).filter { $0.stage == "sign_for" }
            #expect(rows.map(\.yellowIssuedAt) == [start.addingTimeInterval(10)])
            #expect(rows.map(\.redIssuedAt) == [start.addingTimeInterval(21)])
            #expect(rows.map(\.nextCardAt) == [nil])
        }
    }

    @Test("clocks stopped before their cards fall due earn none, however late the timer runs")
    func stoppingCancelsPendingCards() async throws {
        let start = SLAFixtures.at("2025-03-03 09:00")
        var timeline = try dispatched(at: start)
        try timeline.step(.signFor, by: SLAFixtures.sanitation, at: start.addingTimeInterval(8))
        try timeline.step(.reportDisposal(note: "已清运", attachments: []), by: SLAFixtures.sanitation, at: start.addingTimeInterval(40))
        try await SLADatabase.with { db in
            try await db.apply(timeline.events, reference: short)
            #expect(try await db.issueRound(at: start.addingTimeInterval(3600), reference: short) == 0)
            // sign-for stopped at 8 s (yellow at 10 s); disposal stopped at 40 s, and the timer, running
            // only now, does not issue cards for stages that have ended.
            #expect(try await db.cards().isEmpty)
        }
    }

    @Test("a red card for an E04 emergency goes to the district as its rule says")
    func fixedEscalation() async throws {
        let start = SLAFixtures.at("2025-03-03 09:00")
        let timeline = try dispatched(at: start, category: "E0401")
        try await SLADatabase.with { db in
            try await db.apply(timeline.events, reference: short)
            try await db.issueRound(at: start.addingTimeInterval(16), reference: short)  // sign-for: 15 s
            let cards = try await db.cards()
            #expect(cards.map(\.card) == [.red])  // already late: no yellow card after the deadline
            #expect(cards.first?.escalation == EscalationTargetV1(target: .level, level: .district))
        }
    }

    @Test("two replicas claiming at once issue each card exactly once")
    func replicasShareTheWork() async throws {
        let start = SLAFixtures.at("2025-03-03 09:00")
        let timelines = try (0..<60).map { _ in try dispatched(at: start) }
        try await SLADatabase.with { db in
            try await db.apply(timelines.flatMap(\.events), reference: short)
            let issuedAt = start.addingTimeInterval(12)  // sign-for yellow (10 s) of every case is due
            let claimed = try await db.database.withClient { second in
                let first = db.timer(reference: short, batchSize: 7)
                let other = db.timer(reference: short, batchSize: 7, client: second)
                async let a = Self.drain(first, at: issuedAt, client: db.client)
                async let b = Self.drain(other, at: issuedAt, client: second)
                return try await (a, b)
            }
            #expect(claimed.0 + claimed.1 == 60)
            let cards = try await db.cards()
            #expect(cards.count == 60)
            #expect(Set(cards.map(\.caseId)) == Set(timelines.map(\.caseID)))
            #expect(cards.allSatisfy { $0.card == .yellow && $0.stage == .signFor })
        }
    }

    /// Runs rounds until one claims nothing; returns the runs claimed.
    static func drain(_ timer: DeadlineTimer, at now: Date, client: PostgresClient) async throws -> Int {
        try await client.withConnection { connection in
            var total = 0
            while true {
                let claimed = try await timer.issueRound(at: now, on: connection)
                if claimed == 0 { return total }
                total += claimed
            }
        }
    }

    @Test("a round that dies before committing issues nothing; the next one issues each card once")
    func crashBeforeCommit() async throws {
        let start = SLAFixtures.at("2025-03-03 09:00")
        let timeline = try dispatched(at: start)
        try await SLADatabase.with { db in
            try await db.apply(timeline.events, reference: short)
            let now = start.addingTimeInterval(25)
            struct Crash: Error {}
            let failure = await #expect(throws: PostgresTransactionError.self) {
                try await db.outbox.withTransaction(on: db.client, logger: db.logger) { transaction in
                    let claimed = try await DueCardStore().claim(dueAt: now, limit: 10, on: transaction.connection, logger: db.logger)
                    #expect(claimed.count == 1)
                    let round = CardRound(claimed: claimed, now: now, reference: short)
                    for planned in round.planned {
                        try transaction.enqueue(
                            try CloudEvent(
                                id: planned.issued.eventID, source: ContractSource.slaMonitor, type: planned.data.type,
                                subject: planned.data.caseId.description, time: now, payload: planned.data),
                            topic: ContractTopic.caseLifecycle)
                    }
                    try await DueCardStore().markIssued(round.planned.map(\.issued), on: transaction.connection, logger: db.logger)
                    throw Crash()
                }
            }
            #expect(failure?.closureError is Crash)
            #expect(try await db.cards().isEmpty)
            #expect(try await db.issueRound(at: now, reference: short) == 1)
            #expect(try await db.issueRound(at: now, reference: short) == 0)
            #expect(try await db.cards().map(\.card) == [.red])
        }
    }

    @Test("a run locked by another replica's open round is skipped, not waited for")
    func lockedRunsAreSkipped() async throws {
        let start = SLAFixtures.at("2025-03-03 09:00")
        let first = try dispatched(at: start)
        let second = try dispatched(at: start.addingTimeInterval(1))
        try await SLADatabase.with { db in
            try await db.apply(first.events + second.events, reference: short)
            let now = start.addingTimeInterval(12)
            try await db.database.withClient { other in
                try await other.withConnection { holder in
                    try await holder.query("BEGIN", logger: db.logger)
                    // The other replica holds the earliest due run (the first case's sign-for).
                    let held = try await DueCardStore().claim(dueAt: now, limit: 1, on: holder, logger: db.logger)
                    #expect(held.map(\.run.key.caseID) == [first.caseID])
                    #expect(try await db.issueRound(at: now, reference: short) == 1)
                    #expect(try await db.cards().map(\.caseId) == [second.caseID])
                    try await holder.query("ROLLBACK", logger: db.logger)
                }
            }
            #expect(try await db.issueRound(at: now, reference: short) == 1)
            #expect(try await db.cards().map(\.caseId) == [second.caseID, first.caseID])
        }
    }

    @Test("the running timer wakes for a card due soon and issues it")
    func runningTimer() async throws {
        try await SLADatabase.with { db in
            let timer = db.timer(reference: short)
            let group = ServiceGroup(services: [timer], logger: db.logger)
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                let now = Date()
                try await db.apply(try dispatched(at: now.addingTimeInterval(-9.5)).events, reference: short, now: now)
                var cards: [DeadlineCardV1] = []
                for _ in 0..<300 where cards.isEmpty {  // bounded wait: up to 30 s
                    try await Task.sleep(for: .milliseconds(100))
                    cards = try await db.cards()
                }
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
                #expect(cards.map(\.card) == [.yellow])
                #expect(cards.first?.stage == .signFor)
            }
        }
    }
}
