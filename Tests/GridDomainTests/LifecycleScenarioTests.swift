import Foundation
import GridDomain
import Testing
import TestSupport

/// Whole loops: the timeline, the counts the assessment needs, and the clock effects driving stage clocks.
@Suite("Lifecycle scenarios")
struct LifecycleScenarioTests {
    typealias F = LifecycleFixtures

    /// A hotline case through verification, a return, an extension, parking and a failed check.
    static let longLoop: [(CaseAction, CaseActor)] = [
        (.requestVerification, F.routing),
        (.reportVerification(confirmed: true, note: "属实"), F.supervisor),
        (.file(category: F.category("E0102"), urgency: nil), F.intake),
        (.dispatch(lead: UnitID("U-B"), coUnits: []), F.routing),
        (.returnToDispatcher(reason: "不属本单位"), F.unitB),
        (.redispatch(lead: UnitID("U-A"), coUnits: [UnitID("U-C")]), F.dispatcher),
        (.signFor, F.unitA),
        (.requestExtension(.workingHours(4), reason: "需要协调"), F.unitA),
        (.approveExtension(granted: .workingHours(2)), F.shiftLead),
        (.requestPark(reason: "需立项"), F.unitA),
        (.approvePark, F.shiftLead),
        (.resume, F.shiftLead),
        (.reportDisposal(note: "已清运", attachments: []), F.unitA),
        (.assignCheck, F.routing),
        (.failCheck(reason: "仍有垃圾"), F.supervisor),
        (.signFor, F.unitA),
        (.reportDisposal(note: "已清运", attachments: []), F.unitA),
        (.assignCheck, F.routing),
        (.passCheck(note: nil), F.supervisor),
        (.recordCallback(satisfaction: .satisfied, note: nil), F.hotlineAgent),
        (.close, F.shiftLead),
    ]

    @Test("a long loop keeps a gap-free timeline and the assessment's counts")
    func longLoopCounters() throws {
        let opened = try F.lifecycle.open(
            id: CaseID(), number: CaseNumber("GD-12345-0001"), report: F.report(channel: .hotline12345, accountID: nil),
            by: F.hotlineAgent, at: F.start)
        #expect(opened.event.sequence == 1)
        #expect(opened.event.clockEffects == [.start(.accept)])
        var current = opened.case
        var events = [opened.event]
        for (action, actor) in Self.longLoop {
            events.append(try F.lifecycle.apply(action, to: &current, by: actor, at: current.updatedAt.addingTimeInterval(600)))
        }
        #expect(current.state == .closed)
        #expect(current.isFinished)
        #expect(events.map(\.sequence) == Array(1...events.count))
        #expect(zip(events, events.dropFirst()).allSatisfy { $0.to == $1.from })
        #expect(current.counters.returnCount == 1)
        #expect(current.counters.redispatchCount == 1)
        #expect(current.counters.extensionRequestCount == 1)
        #expect(current.counters.extensionCount == 1)
        #expect(current.counters.extendedWorkingMinutes == 120)
        #expect(current.counters.parkCount == 1)
        #expect(current.counters.wasParked)
        #expect(current.counters.reworkCount == 1)
        #expect(current.counters.escalationCount == 0)
        #expect(!current.counters.selfDisposed)
        #expect(current.assignment == CaseAssignment(lead: UnitID("U-A"), coUnits: [UnitID("U-C")]))
        #expect(current.pendingRequest == nil)
        #expect(current.callback?.satisfaction == .satisfied)
        #expect(current.verification?.confirmed == true)
    }

    @Test("events carry the clock effects the SLA monitor applies")
    func clockEffects() throws {
        let steps: [(CaseAction, CaseActor, [StageClockEffect])] = [
            (.file(category: nil, urgency: nil), F.intake, [.stop(.accept), .stop(.file), .start(.dispatch)]),
            (.dispatch(lead: UnitID("U-A"), coUnits: []), F.dispatcher, [.stop(.dispatch), .start(.signFor), .start(.dispose)]),
            (.signFor, F.unitA, [.stop(.signFor)]),
            (.requestExtension(.workingDays(1), reason: "x"), F.unitA, []),
            (.approveExtension(granted: nil), F.shiftLead, [.extend(.dispose, by: .workingDays(1))]),
            (.requestPark(reason: "x"), F.unitA, []),
            (.approvePark, F.shiftLead, [.pause(.dispose)]),
            (.resume, F.dispatcher, [.resume(.dispose)]),
            (.escalate(to: .district, reason: "x"), F.shiftLead, [.stopAll, .start(.dispatch)]),
            (.blowWhistle(units: [UnitID("U-A"), UnitID("U-B")], reason: "x"), F.shiftLead, [.stopAll, .start(.signFor), .start(.dispose)]),
            (.reportArrival, F.unitA, []),
            (.reportArrival, F.unitB, [.stop(.signFor)]),
            (.reportDisposal(note: "x", attachments: []), F.unitB, [.stop(.signFor), .stop(.dispose)]),
            (.assignCheck, F.intake, [.start(.check)]),
            (.passCheck(note: nil), F.gridWorker, [.stop(.check), .start(.close)]),
            (.close, F.shiftLead, [.stopAll]),
        ]
        var current = F.opened()
        for (action, actor, effects) in steps {
            let event = try F.lifecycle.apply(action, to: &current, by: actor, at: current.updatedAt.addingTimeInterval(60))
            #expect(event.clockEffects == effects, "\(action.kind)")
        }
        #expect(current.jointResponse?.allArrived == true)
        #expect(current.counters.escalationCount == 1)
    }

    @Test("applying the effects to stage clocks: parking stops the disposal clock, an extension moves it")
    func effectsDriveClocks() throws {
        let calendar = CalendarFixtures.calendar
        let policy = try DeadlinePolicy(contentsOf: RepositoryFiles.deploy("sample-city/deadline-policy.csv"))
        let area = AreaClass("general")
        let at = CalendarFixtures.at
        var current = F.opened()
        var clocks: [CaseStage: StageClock] = [:]

        func step(_ action: CaseAction, _ actor: CaseActor, _ time: String) throws {
            let event = try F.lifecycle.apply(action, to: &current, by: actor, at: at(time))
            for effect in event.clockEffects {
                switch effect {
                case .start(let stage):
                    clocks[stage] = try policy.startClock(stage: stage, category: current.category, areaClass: area, at: event.at, calendar: calendar)
                case .stop(let stage):
                    if clocks[stage]?.isStopped == false { try clocks[stage]!.stop(at: event.at) }
                case .stopAll:
                    for stage in clocks.keys where !clocks[stage]!.isStopped { try clocks[stage]!.stop(at: event.at) }
                case .pause(let stage): try clocks[stage]!.pause(at: event.at)
                case .resume(let stage): try clocks[stage]!.resume(at: event.at)
                case .extend(let stage, let amount): try clocks[stage]!.extend(by: amount, at: event.at, calendar: calendar)
                }
            }
        }

        // 暴露垃圾 (E0102) in a general area: 4 working hours to dispose, from dispatch.
        try step(.file(category: nil, urgency: nil), F.intake, "2025-03-03 09:00")
        try step(.dispatch(lead: UnitID("U-A"), coUnits: []), F.dispatcher, "2025-03-03 09:30")
        #expect(try clocks[.dispose]!.dueAt(calendar: calendar).map(CalendarFixtures.text) == "2025-03-03 15:00")
        try step(.signFor, F.unitA, "2025-03-03 10:00")
        #expect(clocks[.signFor]!.isStopped)
        try step(.requestPark(reason: "需立项"), F.unitA, "2025-03-03 10:30")
        try step(.approvePark, F.shiftLead, "2025-03-03 11:30")
        #expect(try clocks[.dispose]!.dueAt(calendar: calendar) == nil)
        try step(.resume, F.shiftLead, "2025-03-05 08:30")
        // 2 h used before parking; 2 h left from Wednesday 08:30.
        #expect(try clocks[.dispose]!.dueAt(calendar: calendar).map(CalendarFixtures.text) == "2025-03-05 10:30")
        try step(.requestExtension(.workingHours(2), reason: "协调"), F.unitA, "2025-03-05 09:00")
        try step(.approveExtension(granted: nil), F.shiftLead, "2025-03-05 09:30")
        #expect(try clocks[.dispose]!.dueAt(calendar: calendar).map(CalendarFixtures.text) == "2025-03-05 14:00")
        try step(.reportDisposal(note: "已清运", attachments: []), F.unitA, "2025-03-05 13:45")
        #expect(try clocks[.dispose]!.card(at: at("2025-03-10 09:00"), calendar: calendar) == .yellow)
        #expect(try !clocks[.dispose]!.isOverdue(at: at("2025-03-10 09:00"), calendar: calendar))
    }
}
