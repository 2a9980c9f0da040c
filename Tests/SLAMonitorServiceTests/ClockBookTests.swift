import Foundation
import GridDomain
import SLAMonitorService
import Testing

/// `ClockBook`: lifecycle events start, stop, pause, resume and extend stage clocks by the sample
/// city's deadline policy on its working calendar.
@Suite("Clock book")
struct ClockBookTests {
    let book = ClockBook(reference: SLAFixtures.reference)
    let calendar = SLAFixtures.reference.calendar
    func at(_ text: String) -> Date { SLAFixtures.at(text) }

    func applyAll(_ timeline: Timeline, to clocks: inout CaseClocks) throws {
        for event in timeline.events { _ = try book.apply(event, to: &clocks) }
    }

    @Test("dispatch starts sign-for and disposal by the category's rules; signing for stops sign-for")
    func dispatchAndSignFor() throws {
        var timeline = try Timeline(at: at("2025-03-03 09:00"))  // Monday
        try timeline.fileAndDispatch(at: at("2025-03-03 09:10"))
        var clocks = CaseClocks(caseID: timeline.caseID)
        try applyAll(timeline, to: &clocks)

        #expect(clocks.lastSequence == 3)
        #expect(clocks.active(.accept) == nil)
        let signFor = try #require(clocks.active(.signFor))
        #expect(signFor.clock.limit == .workingHours(2))  // * sign_for: 2 working hours, yellow at 75 %
        #expect(try signFor.clock.dueAt(calendar: calendar) == at("2025-03-03 11:10"))
        #expect(try signFor.clock.yellowAt(calendar: calendar) == at("2025-03-03 10:40"))
        let dispose = try #require(clocks.active(.dispose))
        #expect(dispose.clock.limit == .workingHours(4))  // E0102 暴露垃圾: 4 working hours
        // 09:10 + 4 working hours: 2 h 50 min before noon, 1 h 10 min after 13:30.
        #expect(try dispose.clock.dueAt(calendar: calendar) == at("2025-03-03 14:40"))
        #expect(dispose.escalation == .supervisingLevel)
        #expect(clocks.latest(.dispatch)?.status == .stopped)

        try timeline.step(.signFor, by: SLAFixtures.sanitation, at: at("2025-03-03 09:40"))
        let outcome = try book.apply(timeline.last, to: &clocks)
        #expect(outcome.applied)
        #expect(clocks.latest(.signFor)?.status == .stopped)
        #expect(clocks.latest(.signFor)?.clock.stoppedAt == at("2025-03-03 09:40"))
        #expect(clocks.active(.dispose)?.status == .running)
    }

    @Test("a returned and re-dispatched case gets a second run of sign-for and disposal")
    func redispatchStartsNewRuns() throws {
        var timeline = try Timeline(at: at("2025-03-03 09:00"))
        try timeline.fileAndDispatch(at: at("2025-03-03 09:10"))
        try timeline.step(.returnToDispatcher(reason: "不属本单位"), by: SLAFixtures.sanitation, at: at("2025-03-03 09:30"))
        try timeline.step(
            .redispatch(lead: SLAFixtures.otherStreetUnit, coUnits: []), by: SLAFixtures.dispatcher, at: at("2025-03-03 10:00"))
        var clocks = CaseClocks(caseID: timeline.caseID)
        try applyAll(timeline, to: &clocks)

        let signFor = try #require(clocks.active(.signFor))
        #expect(signFor.key.run == 2)
        #expect(signFor.clock.startedAt == at("2025-03-03 10:00"))
        #expect(clocks.active(.dispose)?.key.run == 2)
        #expect(clocks.latest(.dispatch)?.key.run == 2)
        #expect(clocks.latest(.dispatch)?.status == .stopped)
        let stoppedFirst = try #require(clocks.runs[TrackedClock.Key(caseID: timeline.caseID, stage: .signFor, run: 1)])
        #expect(stoppedFirst.clock.stoppedAt == at("2025-03-03 09:30"))
        #expect(clocks.changed.count == clocks.runs.count)
    }

    @Test("parking pauses disposal and resuming moves its due time by the parked working time")
    func parking() throws {
        var timeline = try Timeline(at: at("2025-03-03 09:00"))
        try timeline.fileAndDispatch(at: at("2025-03-03 09:00"))
        try timeline.step(.signFor, by: SLAFixtures.sanitation, at: at("2025-03-03 09:30"))
        try timeline.step(.requestPark(reason: "需立项"), by: SLAFixtures.sanitation, at: at("2025-03-03 10:00"))
        try timeline.step(.approvePark, by: SLAFixtures.shiftLead, at: at("2025-03-03 11:00"))
        var clocks = CaseClocks(caseID: timeline.caseID)
        try applyAll(timeline, to: &clocks)
        let parked = try #require(clocks.active(.dispose))
        #expect(parked.status == .paused)
        #expect(try parked.clock.dueAt(calendar: calendar) == nil)

        try timeline.step(.resume, by: SLAFixtures.shiftLead, at: at("2025-03-04 09:00"))
        _ = try book.apply(timeline.last, to: &clocks)
        let resumed = try #require(clocks.active(.dispose))
        #expect(resumed.status == .running)
        // 2 of 4 working hours used (09:00–11:00 Monday); 2 left from 09:00 Tuesday.
        #expect(try resumed.clock.dueAt(calendar: calendar) == at("2025-03-04 11:00"))
    }

    @Test("an approved extension moves disposal's due time")
    func extensionInWorkingTime() throws {
        var timeline = try Timeline(at: at("2025-03-03 09:00"))
        try timeline.fileAndDispatch(at: at("2025-03-03 09:00"))
        try timeline.step(.signFor, by: SLAFixtures.sanitation, at: at("2025-03-03 09:30"))
        try timeline.step(.requestExtension(.workingDays(1), reason: "等待配件"), by: SLAFixtures.sanitation, at: at("2025-03-03 10:00"))
        try timeline.step(.approveExtension(granted: nil), by: SLAFixtures.shiftLead, at: at("2025-03-03 10:30"))
        var clocks = CaseClocks(caseID: timeline.caseID)
        try applyAll(timeline, to: &clocks)
        let dispose = try #require(clocks.active(.dispose))
        #expect(dispose.clock.extensions.map(\.granted) == [.workingDays(1)])
        // Due 14:30 Monday; one working day later.
        #expect(try dispose.clock.dueAt(calendar: calendar) == at("2025-03-04 14:30"))
    }

    @Test("an extension in working days on a 7×24 stage is converted at the due time in force")
    func extensionAcrossMeasures() throws {
        // E04 突发事件: disposal in 4 natural hours.
        var timeline = try Timeline(category: "E0401", at: at("2025-03-07 15:00"))  // Friday
        try timeline.fileAndDispatch(at: at("2025-03-07 15:00"))
        try timeline.step(.signFor, by: SLAFixtures.sanitation, at: at("2025-03-07 15:10"))
        try timeline.step(.requestExtension(.workingDays(1), reason: "夜间无法施工"), by: SLAFixtures.sanitation, at: at("2025-03-07 16:00"))
        try timeline.step(.approveExtension(granted: nil), by: SLAFixtures.shiftLead, at: at("2025-03-07 16:30"))
        var clocks = CaseClocks(caseID: timeline.caseID)
        try applyAll(timeline, to: &clocks)
        let dispose = try #require(clocks.active(.dispose))
        #expect(dispose.clock.measure == .naturalTime)
        // Due 19:00 Friday (4 natural hours); the extension adds the natural time from there to one
        // working day later on the calendar (over the weekend).
        let due = at("2025-03-07 19:00")
        let extended = try calendar.deadline(for: .workingDays(1), from: due)
        #expect(extended > at("2025-03-10 08:30"))
        #expect(dispose.clock.extensions.map(\.granted) == [.natural(seconds: Int(extended.timeIntervalSince(due)))])
        #expect(try dispose.clock.dueAt(calendar: calendar) == extended)
        #expect(dispose.escalation == .level(.district))
    }

    @Test("redelivered and older events change nothing")
    func staleEvents() throws {
        var timeline = try Timeline(at: at("2025-03-03 09:00"))
        try timeline.fileAndDispatch(at: at("2025-03-03 09:10"))
        var clocks = CaseClocks(caseID: timeline.caseID)
        try applyAll(timeline, to: &clocks)
        let before = clocks.runs
        #expect(try book.apply(timeline.events[2], to: &clocks) == .stale)
        #expect(try book.apply(timeline.events[1], to: &clocks) == .stale)
        #expect(try book.apply(timeline.opening, to: &clocks) == .stale)
        #expect(clocks.runs == before)
        #expect(clocks.lastSequence == 3)
    }

    @Test("after a gap the event still applies; effects that do not fit are skipped and reported")
    func gapAndSkippedEffects() throws {
        var timeline = try Timeline(at: at("2025-03-03 09:00"))
        try timeline.fileAndDispatch(at: at("2025-03-03 09:00"))
        try timeline.step(.signFor, by: SLAFixtures.sanitation, at: at("2025-03-03 09:30"))
        try timeline.step(.requestPark(reason: "需立项"), by: SLAFixtures.sanitation, at: at("2025-03-03 10:00"))
        try timeline.step(.approvePark, by: SLAFixtures.shiftLead, at: at("2025-03-03 11:00"))
        var clocks = CaseClocks(caseID: timeline.caseID)
        // The monitor saw the opening and the park approval only: no disposal clock to pause.
        _ = try book.apply(timeline.opening, to: &clocks)
        let outcome = try book.apply(timeline.last, to: &clocks)
        #expect(outcome.applied)
        #expect(outcome.followsGap)
        #expect(outcome.skippedEffects == ["pause dispose: no dispose clock is running"])
        #expect(clocks.lastSequence == timeline.last.sequence)
        #expect(clocks.active(.accept)?.status == .running)
    }

    @Test("closing stops every clock; a voided case's clocks stop too")
    func stopAll() throws {
        var timeline = try Timeline(at: at("2025-03-03 09:00"))
        try timeline.step(.file(category: nil, urgency: nil), by: SLAFixtures.intake, at: at("2025-03-03 09:05"))
        try timeline.step(.void(reason: "虚假上报"), by: SLAFixtures.shiftLead, at: at("2025-03-03 09:20"))
        var clocks = CaseClocks(caseID: timeline.caseID)
        try applyAll(timeline, to: &clocks)
        #expect(clocks.activeRuns.isEmpty)
        #expect(clocks.latest(.dispatch)?.clock.stoppedAt == at("2025-03-03 09:20"))
        #expect(clocks.snapshot?.state == .void)
    }

    @Test("a deadline beyond the calendar's years fails the event with advice")
    func outsideCoverage() throws {
        var timeline = try Timeline(at: at("2026-12-31 16:00"))
        try timeline.step(.file(category: nil, urgency: nil), by: SLAFixtures.intake, at: at("2026-12-31 16:10"))
        try timeline.step(.dispatch(lead: SLAFixtures.streetUnit, coUnits: []), by: SLAFixtures.dispatcher, at: at("2026-12-31 16:20"))
        var clocks = CaseClocks(caseID: timeline.caseID)
        _ = try book.apply(timeline.events[0], to: &clocks)
        _ = try book.apply(timeline.events[1], to: &clocks)
        let error = #expect(throws: ClockUpdateError.self) { try book.apply(timeline.events[2], to: &clocks) }
        #expect(error?.code == .calendar)
        #expect(error?.message.contains("cannot start the sign_for clock") == true)
        #expect(error?.message.contains("load the State Council's holiday schedule") == true)
    }
}
