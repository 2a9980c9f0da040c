import Foundation
import GridDomain
import GridRuntime
import PostgresNIO
@testable import SLAMonitorService
import Testing

/// The consumer's batches against a real PostgreSQL: clocks stored per run, stale events ignored,
/// batches equivalent to single events, issued cards kept, the timer woken.
@Suite("Clock store")
struct ClockStoreTests {
    let reference = SLAFixtures.reference
    func at(_ text: String) -> Date { SLAFixtures.at(text) }

    @Test("a batch of several cases stores every run; redelivering it changes nothing")
    func batch() async throws {
        var dispatched = try Timeline(at: at("2025-03-03 09:00"))
        try dispatched.fileAndDispatch(at: at("2025-03-03 09:10"))
        let opened = try Timeline(at: at("2025-03-03 09:05"))
        let batch = [dispatched.events[0], opened.events[0], dispatched.events[1], dispatched.events[2]]
        try await SLADatabase.with { db in
            try await db.apply(batch, reference: reference)
            let rows = try await db.rows(of: dispatched.caseID)
            #expect(rows.map(\.stage) == ["accept", "dispatch", "dispose", "sign_for"])
            #expect(rows.map(\.status) == ["stopped", "stopped", "running", "running"])
            #expect(rows.first { $0.stage == "sign_for" }?.dueAt == at("2025-03-03 11:10"))
            #expect(rows.first { $0.stage == "sign_for" }?.nextCardAt == at("2025-03-03 10:40"))
            #expect(rows.first { $0.stage == "dispose" }?.dueAt == at("2025-03-03 14:40"))
            #expect(rows.first { $0.stage == "accept" }?.nextCardAt == nil)
            #expect(try await db.lastSequence(of: dispatched.caseID) == 3)
            #expect(try await db.rows(of: opened.caseID).map(\.stage) == ["accept"])
            #expect(try await db.lastSequence(of: opened.caseID) == 1)

            try await db.apply(batch, reference: reference)
            #expect(try await db.rows(of: dispatched.caseID) == rows)
            #expect(try await db.lastSequence(of: dispatched.caseID) == 3)
        }
    }

    @Test("events applied one batch at a time give the same clocks as one batch")
    func batchesAreEquivalent() async throws {
        var timeline = try Timeline(at: at("2025-03-03 09:00"))
        try timeline.fileAndDispatch(at: at("2025-03-03 09:10"))
        try timeline.step(.returnToDispatcher(reason: "不属本单位"), by: SLAFixtures.sanitation, at: at("2025-03-03 09:30"))
        try timeline.step(.redispatch(lead: SLAFixtures.otherStreetUnit, coUnits: []), by: SLAFixtures.dispatcher, at: at("2025-03-03 10:00"))
        try timeline.step(.signFor, by: SLAFixtures.enforcement, at: at("2025-03-03 10:20"))
        let (together, separately) = try await SLADatabase.with { db in
            try await db.apply(timeline.events, reference: reference)
            return (try await db.rows(of: timeline.caseID), 0)
        }
        let oneByOne = try await SLADatabase.with { db in
            for event in timeline.events { try await db.apply([event], reference: reference) }
            return try await db.rows(of: timeline.caseID)
        }
        #expect(separately == 0)
        #expect(together == oneByOne)
        #expect(together.filter { $0.stage == "sign_for" }.map(\.run) == [1, 2])
        #expect(together.filter { $0.stage == "sign_for" }.map(\.status) == ["stopped", "stopped"])
        #expect(together.filter { $0.stage == "dispose" }.map(\.status) == ["stopped", "running"])
    }

    @Test("a card issued while the consumer changes the run is kept")
    func issuedCardsSurviveConsumerWrites() async throws {
        var timeline = try Timeline(at: at("2025-03-03 09:00"))
        try timeline.fileAndDispatch(at: at("2025-03-03 09:00"))
        try timeline.step(.signFor, by: SLAFixtures.sanitation, at: at("2025-03-03 09:20"))
        try await SLADatabase.with { db in
            try await db.apply(timeline.events, reference: reference)
            // The disposal clock (4 working hours from 09:00, yellow at 75 % = 12:00) earns its yellow card…
            #expect(try await db.issueRound(at: at("2025-03-03 14:00"), reference: reference) == 1)
            // …then an extension is approved: the consumer rewrites the run from its own copy.
            try timeline.step(.requestExtension(.workingHours(2), reason: "等待配件"), by: SLAFixtures.sanitation, at: at("2025-03-03 14:05"))
            try timeline.step(.approveExtension(granted: nil), by: SLAFixtures.shiftLead, at: at("2025-03-03 14:10"))
            try await db.apply(Array(timeline.events.suffix(2)), reference: reference)
            let dispose = try #require(try await db.rows(of: timeline.caseID).first { $0.stage == "dispose" })
            #expect(dispose.yellowIssuedAt == at("2025-03-03 14:00"))
            #expect(dispose.dueAt == at("2025-03-03 16:30"))  // 14:30 + 2 working hours
            #expect(dispose.nextCardAt == at("2025-03-03 16:30:01"))  // the red card is next
            #expect(try await db.cards().map(\.card) == [.yellow])
        }
    }

    @Test("storing a card due within the timer's sleep wakes it with NOTIFY")
    func notify() async throws {
        let now = Date()
        var timeline = try Timeline(at: now)
        try timeline.fileAndDispatch(at: now)
        try await SLADatabase.with { db in
            try await db.apply(Array(timeline.events.prefix(2)), reference: SLAFixtures.shortReference, now: now)
            let received = try await db.client.withConnection { listener in
                try await listener.listen(on: db.channel) { notifications in
                    // Dispatch starts sign-for (20 s, yellow at 10 s): stored 9.5 s later, its card is
                    // due within the timer's longest sleep (1 s).
                    try await db.apply(Array(timeline.events.suffix(1)), reference: SLAFixtures.shortReference, now: now.addingTimeInterval(9.5))
                    var iterator = notifications.makeAsyncIterator()
                    return try await iterator.next()?.payload
                }
            }
            #expect(received == "")
        }
    }
}
