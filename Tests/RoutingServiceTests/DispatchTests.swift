import Foundation
import GridDomain
import RoutingService
import Testing

/// Routing's decisions on filed and returned cases, on the sample city's 权责清单, without a database.
@Suite struct DispatchTests {
    @Test func aFiledCaseIsDispatchedByTheResponsibilityListWithItsExplanation() throws {
        var intake = try IntakeCase(category: "E0102")
        try intake.file()
        var workspace = try RoutingFixtures.workspace()
        try workspace.apply(intake.events)
        workspace.settle(now: intake.current.updatedAt.addingTimeInterval(1))

        let step = try #require(workspace.publishedSteps.first)
        #expect(workspace.publishedSteps.count == 1)
        #expect(step.action == .dispatch(lead: UnitID("M339901001001"), coUnits: []))
        #expect(step.actor.role == .system && step.actor.id == "routing")
        #expect(step.sequence == 3 && step.from == .filed && step.to == .dispatched)
        #expect(step.snapshot.leadUnit == UnitID("M339901001001"))

        let record = try #require(workspace.newAssignments.first)
        #expect(record.round == 1 && record.dispatchSequence == 3 && record.status == .dispatched)
        #expect(record.ruleID == "R00045" && record.listVersion == "test-list" && record.tier == .grid)
        #expect(record.escalation == [UnitID("S339901001-SANITATION"), UnitID("D339901-SANITATION")])
        let explanation = try #require(record.explanation)
        #expect(explanation.method == .automatic)
        let resolver = try #require(explanation.resolver)
        #expect(resolver.outcome == .assigned && resolver.ruleId == "R00045")
        #expect(resolver.rules.first { $0.ruleId == "R00045" }?.verdict == "won")
        #expect(resolver.attributes == ["channel": "grid_worker", "urgency": "normal"])
        #expect(workspace[intake.id]?.taskStatus == .dispatched)
        #expect(workspace.outcomes.automaticDispatches == 1)
    }

    @Test func anUnplacedCaseWaitsForADispatcherAndIsAnnounced() throws {
        var intake = try IntakeCase(category: "E0102", grid: nil)
        try intake.file()
        var workspace = try RoutingFixtures.workspace()
        try workspace.apply(intake.events)
        workspace.settle(now: intake.current.updatedAt)

        #expect(workspace.publishedSteps.isEmpty)
        let notice = try #require(workspace.publishedNotices.first)
        #expect(notice.reason == .locationUnresolved && notice.asOfSequence == 2 && notice.snapshot.state == .filed)
        let entry = try #require(workspace.queueEntries.first)
        #expect(entry.reason == .locationUnresolved && entry.caseID == intake.id)
        #expect(workspace[intake.id]?.queued == true)
        #expect(workspace.outcomes.queued[.locationUnresolved] == 1)
    }

    @Test func aReturnIsRedispatchedExcludingEveryUnitThatReturnedItThenQueued() throws {
        var intake = try IntakeCase(category: "C0102")
        try intake.take(.requestVerification, by: RoutingFixtures.intakeOperator)
        try intake.take(.reportVerification(confirmed: true, note: nil), by: RoutingFixtures.supervisor)
        try intake.file()
        var workspace = try RoutingFixtures.workspace()
        try workspace.apply(intake.events)
        let now = intake.current.updatedAt.addingTimeInterval(1)
        workspace.settle(now: now)
        let dispatched = try #require(workspace.publishedSteps.last)
        #expect(dispatched.action == .dispatch(lead: UnitID("C-DRAINAGE"), coUnits: [UnitID("D339901-MUNICIPAL")]))

        // The drainage centre returns it: the 大类 rule decides without it.
        let drainage = CaseActor(role: .disposalUnit, id: "u-7", unit: UnitID("C-DRAINAGE"))
        var second = try RoutingFixtures.workspace(Array(workspace.replicas.values))
        try second.take(.returnToDispatcher(reason: "非排水设施"), on: intake.id, by: drainage, at: now.addingTimeInterval(60))
        second.settle(now: now.addingTimeInterval(61))
        let steps = second.publishedSteps.map(\.action)
        #expect(steps == [.returnToDispatcher(reason: "非排水设施"), .redispatch(lead: UnitID("D339901-MUNICIPAL"), coUnits: [])])
        #expect(second[intake.id]?.returnedBy == [UnitID("C-DRAINAGE")])
        #expect(second.newAssignments.first?.round == 2 && second.newAssignments.first?.ruleID == "R00001")
        #expect(second.newAssignments.first?.explanation?.resolver?.excluded == [UnitID("C-DRAINAGE")])
        #expect(second.assignmentChanges.first?.status == .returned && second.assignmentChanges.first?.round == 1)
        #expect(second.assignmentChanges.first?.returnReason == "非排水设施")

        // The district returns it too: no rule is left, a dispatcher must decide.
        let municipal = CaseActor(role: .disposalUnit, id: "u-8", unit: UnitID("D339901-MUNICIPAL"))
        var third = try RoutingFixtures.workspace(Array(second.replicas.values))
        try third.take(.returnToDispatcher(reason: "属排水"), on: intake.id, by: municipal, at: now.addingTimeInterval(120))
        third.settle(now: now.addingTimeInterval(121))
        #expect(third.publishedSteps.map(\.action.kind) == [.returnToDispatcher])
        let notice = try #require(third.publishedNotices.first)
        #expect(notice.reason == .returnedByUnit && notice.snapshot.state == .returned)
        #expect(third.queueEntries.first?.resolver?.noUnitReason == "all_matching_units_excluded")
        #expect(third[intake.id]?.returnedBy == [UnitID("C-DRAINAGE"), UnitID("D339901-MUNICIPAL")])
    }

    @Test func routingsOwnEventsComeBackAsDuplicates() throws {
        var intake = try IntakeCase()
        try intake.file()
        var workspace = try RoutingFixtures.workspace()
        try workspace.apply(intake.events)
        workspace.settle(now: intake.current.updatedAt)
        let dispatched = try #require(workspace.publishedSteps.first)

        var later = try RoutingFixtures.workspace(Array(workspace.replicas.values))
        try later.replay(dispatched)
        later.settle(now: intake.current.updatedAt.addingTimeInterval(5))
        #expect(later.outcomes.duplicates == 1 && later.outcomes.eventsApplied == 0)
        #expect(later.outgoing.isEmpty && later.changedCases.isEmpty)
    }

    @Test func aFailedCheckPutsTheTaskBackOnTheSameUnitsList() throws {
        var intake = try IntakeCase()
        try intake.file()
        var workspace = try RoutingFixtures.workspace()
        try workspace.apply(intake.events)
        let t0 = intake.current.updatedAt
        workspace.settle(now: t0)
        let community = CaseActor(role: .disposalUnit, id: "u-1", unit: UnitID("M339901001001"))
        try workspace.take(.signFor, on: intake.id, by: community, at: t0.addingTimeInterval(60))
        try workspace.take(.reportDisposal(note: "已清运", attachments: []), on: intake.id, by: community, at: t0.addingTimeInterval(120))
        for step in workspace.publishedSteps { try intake.adopt(step) }
        #expect(workspace.newAssignments.first?.status == .disposed)
        #expect(workspace.newAssignments.first?.signedAt == t0.addingTimeInterval(60))

        try intake.take(.assignCheck, by: RoutingFixtures.intakeOperator)
        let failed = try intake.take(.failCheck(reason: "仍有垃圾"), by: RoutingFixtures.supervisor)
        var later = try RoutingFixtures.workspace(Array(workspace.replicas.values))
        try later.apply(Array(intake.events.suffix(2)))
        later.settle(now: failed.occurredAt)
        #expect(later.outgoing.isEmpty)
        #expect(later[intake.id]?.taskStatus == .rework && later[intake.id]?.assignmentRound == 1)
        let change = try #require(later.assignmentChanges.first)
        #expect(change.round == 1 && change.status == .rework && change.clockStartedAt == failed.occurredAt)
    }

    @Test func anEscalatedCaseWaitsForTheHigherLevelsDispatcherWithCandidates() throws {
        var intake = try IntakeCase()
        try intake.file()
        var workspace = try RoutingFixtures.workspace()
        try workspace.apply(intake.events)
        try workspace.take(
            .escalate(to: .district, reason: "街道无法解决"), on: intake.id,
            by: CaseActor(role: .dispatcher, id: "dp-2", level: .street), at: intake.current.updatedAt.addingTimeInterval(10))
        workspace.settle(now: intake.current.updatedAt.addingTimeInterval(11))
        #expect(workspace.publishedSteps.map(\.action.kind) == [.escalate])
        let notice = try #require(workspace.publishedNotices.first)
        #expect(notice.reason == .escalated && notice.snapshot.state == .escalated)
        #expect(notice.candidates == [UnitID("D339901-SANITATION")])
        #expect(notice.explanation.contains("district") && notice.explanation.contains("街道无法解决"))
    }

    @Test func aDispatcherSettlesTheQueueEntry() throws {
        var intake = try IntakeCase(grid: nil)
        try intake.file()
        var workspace = try RoutingFixtures.workspace()
        try workspace.apply(intake.events)
        let t0 = intake.current.updatedAt
        workspace.settle(now: t0)
        #expect(workspace[intake.id]?.queued == true)

        var later = try RoutingFixtures.workspace(Array(workspace.replicas.values))
        try later.take(
            .dispatch(lead: UnitID("S339901001-SANITATION"), coUnits: []), on: intake.id, by: RoutingFixtures.dispatcherActor,
            at: t0.addingTimeInterval(300))
        later.settle(now: t0.addingTimeInterval(300))
        #expect(later[intake.id]?.queued == false)
        let settled = try #require(later.queueResolutions.first)
        #expect(settled.step == .dispatch && settled.by == "dispatcher:dp-1")
        #expect(later.queueEntries.isEmpty && later.publishedNotices.isEmpty)
    }
}
