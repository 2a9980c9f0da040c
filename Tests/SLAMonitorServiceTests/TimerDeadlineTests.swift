import Foundation
import GridDomain
import GridRuntime
import PostgresNIO
@testable import SLAMonitorService
import ServiceLifecycle
import Testing
import TestSupport

/// A timer round whose database work never returns is given up at its deadline: its connection is
/// closed (the server rolls it back), and the timer carries on, issuing the card exactly once.
@Suite("Deadline timer round deadline (real PostgreSQL)")
struct TimerDeadlineTests {
    @Test("a stalled round times out, its backend ends, and the next round issues the card once")
    func stalledRoundIsGivenUp() async throws {
        let short = SLAFixtures.shortReference
        let start = SLAFixtures.at("2025-03-03 09:00")
        var timeline = try Timeline(category: "E0102", at: start)
        try timeline.fileAndDispatch(at: start)
        let metrics = ServiceMetrics()
        try await SLADatabase.with { db in
            try await db.apply(timeline.events, reference: short)
            // The first round's marking of the card stalls, holding the claimed run's lock.
            let stalls = try await db.database.stallFirstUpdate(of: "stage_clocks")
            // Fixed time: the sign-for yellow card (10 s) is due, the red one (20 s) is not.
            let timer = DeadlineTimer(
                client: db.client, outbox: db.outbox, reference: short, metrics: SLAMetrics(factory: metrics.factory),
                configuration: .init(maximumSleep: .milliseconds(200), roundDeadline: .seconds(3)), channel: db.channel,
                logger: db.logger, now: { start.addingTimeInterval(12) })
            let stalled = try await withServiceGroup([timer], logger: db.logger) {
                var stalled: Int?
                try await waitUntil("the first round is asleep in its transaction") {
                    stalled = try await db.database.sleepingBackend()
                    return stalled != nil
                }
                let pid = try #require(stalled)
                try await waitUntil("the stalled round's backend has ended") { try await !db.database.backendExists(pid) }
                try await waitUntil("a later round issues the card") { try await !db.cards().isEmpty }
                return pid
            }
            #expect(try await !db.database.backendExists(stalled))
            #expect(try await db.database.lastValue(of: stalls) >= 2, "the card was marked again by a later round")
            let cards = try await db.cards()
            #expect(cards.map(\.card) == [.yellow], "issued exactly once")
            #expect(cards.first?.caseId == timeline.caseID)
            let rows = try await db.rows(of: timeline.caseID).filter { $0.stage == "sign_for" }
            #expect(rows.map(\.yellowIssuedAt) == [start.addingTimeInterval(12)])
            // At least the stalled round (a round that leases the closing connection may time out too).
            #expect(metrics.counter("sla_timer_round_timeouts_total") >= 1, "\(metrics.render())")
        }
    }
}
