import Foundation
import GridDomain
import SLAMonitorService
import Testing

/// Which card a clock earns when, the card's data, and where red cards are escalated.
@Suite("Deadline cards")
struct DeadlineCardsTests {
    let reference = SLAFixtures.reference
    func at(_ text: String) -> Date { SLAFixtures.at(text) }

    /// An E0102 case dispatched to a street unit at 09:10 Monday: sign-for yellow 10:40, due 11:10.
    func dispatched() throws -> (clocks: CaseClocks, signFor: TrackedClock) {
        var timeline = try Timeline(at: at("2025-03-03 09:00"))
        try timeline.fileAndDispatch(at: at("2025-03-03 09:10"))
        var clocks = CaseClocks(caseID: timeline.caseID)
        for event in timeline.events { _ = try ClockBook(reference: reference).apply(event, to: &clocks) }
        return (clocks, try #require(clocks.active(.signFor)))
    }

    @Test("yellow at the threshold, red the second after the due time, each once")
    func cardTimes() throws {
        var run = try dispatched().signFor
        let times = try ClockTimes(of: run.clock, calendar: reference.calendar)
        #expect(times.yellowAt == at("2025-03-03 10:40"))
        #expect(times.dueAt == at("2025-03-03 11:10"))
        #expect(times.redAt == at("2025-03-03 11:10:01"))
        #expect(DeadlineCards.nextCardAt(for: run, times: times) == at("2025-03-03 10:40"))
        #expect(DeadlineCards.due(for: run, times: times, at: at("2025-03-03 10:39:59")) == nil)
        #expect(DeadlineCards.due(for: run, times: times, at: at("2025-03-03 10:40")) == .yellow)

        run.yellowIssuedAt = at("2025-03-03 10:40")
        #expect(DeadlineCards.nextCardAt(for: run, times: times) == at("2025-03-03 11:10:01"))
        #expect(DeadlineCards.due(for: run, times: times, at: at("2025-03-03 11:10")) == nil)  // due, not late
        #expect(DeadlineCards.due(for: run, times: times, at: at("2025-03-03 11:10:01")) == .red)

        run.redIssuedAt = at("2025-03-03 11:10:01")
        #expect(DeadlineCards.nextCardAt(for: run, times: times) == nil)
        #expect(DeadlineCards.due(for: run, times: times, at: at("2025-03-04 09:00")) == nil)
    }

    @Test("a clock found past due without a yellow card gets only the red card")
    func lateClockGetsRedOnly() throws {
        let run = try dispatched().signFor
        let times = try ClockTimes(of: run.clock, calendar: reference.calendar)
        #expect(DeadlineCards.due(for: run, times: times, at: at("2025-03-03 15:00")) == .red)
    }

    @Test("paused and stopped clocks earn no card")
    func pausedAndStopped() throws {
        var run = try dispatched().signFor
        try run.clock.stop(at: at("2025-03-03 09:30"))
        let times = try ClockTimes(of: run.clock, calendar: reference.calendar)
        #expect(run.status == .stopped)
        #expect(DeadlineCards.nextCardAt(for: run, times: times) == nil)
        #expect(DeadlineCards.due(for: run, times: times, at: at("2025-03-03 15:00")) == nil)
    }

    @Test("the card carries the run, the latest snapshot and the escalation to the supervising level")
    func cardData() throws {
        let (clocks, run) = try dispatched()
        let snapshot = try #require(clocks.snapshot)
        let card = DeadlineCards.card(
            .red, for: run, dueAt: at("2025-03-03 11:10"), snapshot: snapshot, issuedAt: at("2025-03-03 11:10:02"), reference: reference)
        #expect(card.caseId == clocks.caseID)
        #expect(card.type == ContractEventType.redCard)
        #expect(card.stage == .signFor)
        #expect(card.stageStartedAt == at("2025-03-03 09:10"))
        #expect(card.limit == TimeLimitV1(amount: 2, unit: .workingHours))
        #expect(card.extensions.isEmpty)
        #expect(card.asOfSequence == 3)
        #expect(card.snapshot.leadUnit == SLAFixtures.streetUnit)
        // The lead unit works at street level, so the district supervises.
        #expect(card.escalation == EscalationTargetV1(target: .supervising, level: .district))
        let decoded = try LifecycleTopicEventV1.decode(type: card.type, data: try ContractJSON.encode(card))
        #expect(decoded == .redCard(card))
    }

    @Test("escalation targets: fixed levels and units as written, supervising from the handling level")
    func escalationTargets() throws {
        let snapshot = try #require(try dispatched().clocks.snapshot)
        #expect(reference.escalation(for: .level(.city), snapshot: snapshot) == EscalationTargetV1(target: .level, level: .city))
        #expect(
            reference.escalation(for: .unit(UnitID("C-URBAN")), snapshot: snapshot) == EscalationTargetV1(target: .unit, unit: UnitID("C-URBAN")))
        var undispatched = snapshot
        undispatched.leadUnit = nil
        #expect(reference.handlingLevel(of: undispatched) == .district)  // the district's command centre
        #expect(reference.escalation(for: .supervisingLevel, snapshot: undispatched).level == .city)
        undispatched.escalatedTo = .city
        #expect(reference.escalation(for: .supervisingLevel, snapshot: undispatched).level == .city)
        var unlocated = undispatched
        unlocated.escalatedTo = nil
        unlocated.placement = .unknown
        #expect(reference.escalation(for: .supervisingLevel, snapshot: unlocated) == EscalationTargetV1(target: .supervising))
        var community = snapshot
        community.leadUnit = UnitID("M339901001001")
        #expect(reference.escalation(for: .supervisingLevel, snapshot: community).level == .street)
        #expect(GovernanceLevel.allCases.map(DeadlineReference.supervisingLevel(above:)) == [.community, .street, .district, .city, .city])
    }
}
