import Foundation
import GridDomain
import SLAMonitorService
import Testing

/// What the monitor reads from lifecycle-topic events.
@Suite("Lifecycle input")
struct LifecycleInputTests {
    func at(_ text: String) -> Date { SLAFixtures.at(text) }

    @Test("the opening event and steps carry sequence, time, effects and the case after them")
    func steps() throws {
        var timeline = try Timeline(at: at("2025-03-03 09:00"))
        try timeline.fileAndDispatch(at: at("2025-03-03 09:10"))
        #expect(timeline.opening.sequence == 1)
        #expect(timeline.opening.type == ContractEventType.caseReported)
        #expect(timeline.opening.effects == [.start(.accept)])
        let dispatch = timeline.last
        #expect(dispatch.type == "gridloop.case.dispatched.v1")
        #expect(dispatch.sequence == 3)
        #expect(dispatch.occurredAt == at("2025-03-03 09:10"))
        #expect(dispatch.effects == [.stop(.dispatch), .start(.signFor), .start(.dispose)])
        #expect(dispatch.snapshot.leadUnit == SLAFixtures.streetUnit)
    }

    @Test("cards, notices and unknown types are not steps; malformed data is an error")
    func notSteps() throws {
        var timeline = try Timeline(at: at("2025-03-03 09:00"))
        try timeline.fileAndDispatch(at: at("2025-03-03 09:10"))
        let card = DeadlineCardV1(
            caseId: timeline.caseID, card: .yellow, stage: .signFor, stageStartedAt: at("2025-03-03 09:10"),
            dueAt: at("2025-03-03 11:10"), limit: TimeLimitV1(amount: 2, unit: .workingHours), extensions: [],
            escalation: EscalationTargetV1(target: .supervising, level: .district), issuedAt: at("2025-03-03 10:40"),
            asOfSequence: 3, snapshot: CaseSnapshotV1(case: timeline.current, placement: timeline.placement))
        #expect(try LifecycleInput.decode(type: card.type, data: try ContractJSON.encode(card)) == nil)
        #expect(try LifecycleInput.decode(type: "gridloop.case.teleported.v1", data: Data("{}".utf8)) == nil)
        #expect(throws: ContractValidationError.self) {
            try LifecycleInput.decode(type: "gridloop.case.filed.v1", data: Data(#"{"caseId":"x"}"#.utf8))
        }
    }
}
