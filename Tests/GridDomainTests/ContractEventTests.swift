import Foundation
import GridDomain
import Testing

/// Lifecycle events as contract data: type names, phase ownership, replay onto replicas, personal data.
@Suite("Contract: lifecycle events")
struct ContractEventTests {
    @Test("one versioned type per step, and the step is read back from the type")
    func eventTypes() {
        let types = CaseAction.Kind.allCases.map(ContractEventType.caseStep)
        #expect(Set(types).count == CaseAction.Kind.allCases.count)
        for kind in CaseAction.Kind.allCases {
            #expect(ContractEventType.stepKind(of: ContractEventType.caseStep(kind)) == kind)
        }
        #expect(ContractEventType.caseStep(.file) == "gridloop.case.filed.v1")
        #expect(ContractEventType.caseStep(.signFor) == "gridloop.case.signed-for.v1")
        #expect(ContractEventType.stepKind(of: ContractEventType.caseReported) == nil)
        #expect(ContractEventType.stepKind(of: "gridloop.case.filed.v2") == nil)
        let all = ContractEventType.lifecycleTopicTypes
        #expect(all.count == CaseAction.Kind.allCases.count + 4)
        #expect(Set(all).count == all.count)
        #expect(all.allSatisfy { $0.hasPrefix("gridloop.") && $0.hasSuffix(".v1") })
    }

    @Test("every step starts in a state that exactly one service owns")
    func phaseOwnership() {
        for transition in CaseLifecycle.transitions {
            #expect(ContractPhaseOwner.owner(of: transition.from) != nil, "\(transition)")
        }
        for state in CaseState.allCases {
            #expect((ContractPhaseOwner.owner(of: state) == nil) == state.isTerminal)
        }
        let intakeSteps = Set(CaseLifecycle.transitions.filter { ContractPhaseOwner.owner(of: $0.from) == .intake }.map(\.action))
        #expect(intakeSteps == [
            .requestVerification, .reportVerification, .file, .notFile, .markDuplicate, .selfDispose, .assignCheck,
            .passCheck, .failCheck, .recordCallback, .close,
        ])
        #expect(ContractPhaseOwner.routing.source == "/gridloop/routing")
    }

    @Test("every transition's event replays onto a replica that ends equal to the owner's case",
          arguments: CaseLifecycle.transitions)
    func replayEveryTransition(transition: CaseTransition) throws {
        let (original, replica, published) = try ContractFixtures.run(ContractFixtures.steps(for: transition))
        ContractFixtures.expectSame(replica, original)
        #expect(published.last?.type == ContractEventType.caseStep(transition.action))
        #expect(original.state == transition.to)
        // Each event's snapshot is the owner's case after the step.
        let last = try ContractJSON.decode(CaseStepV1.self, from: try #require(published.last).data)
        #expect(last.snapshot == CaseSnapshotV1(case: original, placement: ContractFixtures.placement))
        #expect(try last.caseEvent().sequence == original.lastSequence)
    }

    @Test("a hotline case runs to closing on a replica built from masked data, confidential or not",
          arguments: [false, true])
    func hotlineCaseOnReplica(confidential: Bool) throws {
        let agent = LifecycleFixtures.hotlineAgent
        let steps: [(CaseAction, CaseActor)] = [
            (.requestVerification, LifecycleFixtures.intake),
            (.reportVerification(confirmed: true, note: "属实"), LifecycleFixtures.supervisor),
            (.file(category: nil, urgency: .urgent), LifecycleFixtures.shiftLead),
            (.dispatch(lead: UnitID("U-A"), coUnits: [UnitID("U-B")]), LifecycleFixtures.routing),
            (.signFor, LifecycleFixtures.unitA),
            (.requestExtension(.workingDays(1), reason: "等待车辆"), LifecycleFixtures.unitA),
            (.approveExtension(granted: nil), LifecycleFixtures.shiftLead),
            (.reportDisposal(note: "已清运", attachments: [URL(string: "https://media.example.org/d/1.jpg")!]), LifecycleFixtures.unitA),
            (.assignCheck, LifecycleFixtures.intake),
            (.passCheck(note: nil), LifecycleFixtures.supervisor),
            (.recordCallback(satisfaction: .satisfied, note: nil), agent),
            (.close, LifecycleFixtures.shiftLead),
        ]
        let (original, replica, published) = try ContractFixtures.run(
            steps, report: ContractFixtures.hotlineReport(confidential: confidential), opener: agent)
        ContractFixtures.expectSame(replica, original)
        #expect(replica.state == .closed)
        #expect(published.map(\.type) == [ContractEventType.caseReported] + steps.map { ContractEventType.caseStep($0.0.kind) })
        let opening = try ContractJSON.decode(CaseReportedV1.self, from: published[0].data)
        #expect(opening.report.reporter.hasPhone)
        #expect(opening.report.reporter.confidential == confidential)
        #expect(opening.report.reporter.phone == (confidential ? nil : "138****0000"))
        #expect(opening.report.reporter.name == (confidential ? nil : "张*"))
        #expect(opening.snapshot.externalReference == "GD-12345-20250312-0042")
        #expect(opening.snapshot.placement.district == (try PlaceCode("339901")))
    }

    @Test("no raw personal data leaves intake in lifecycle events")
    func noRawPersonalData() throws {
        let published = try ContractFixtures.run([], report: ContractFixtures.hotlineReport(), opener: LifecycleFixtures.hotlineAgent).published
        let json = try #require(published.first).json
        for secret in ["张三", "13800000000", "87654321", "33010219900101123X"] {
            #expect(!json.contains(secret), "\(secret) leaked")
        }
        let opening = try ContractJSON.decode(CaseReportedV1.self, from: published[0].data)
        #expect(opening.report.details == "来电人(138****0000，身份证330***********123X)反映路口垃圾堆积")
        #expect(opening.report.location.address == "春桥村3组12号 电话0571-****4321")
    }

    @Test("replay tells duplicates, gaps, refusals and divergence apart")
    func replayFailures() throws {
        let steps = LifecycleFixtures.path(to: .inDisposal)
        let (_, _, published) = try ContractFixtures.run(steps)
        let lifecycle = ContractFixtures.lifecycle
        let opened = try ContractJSON.decode(CaseReportedV1.self, from: published[0].data)
        let filed = try ContractJSON.decode(CaseStepV1.self, from: published[1].data)
        let dispatched = try ContractJSON.decode(CaseStepV1.self, from: published[2].data)
        let replica = try CaseReplay.open(opened, lifecycle: lifecycle).case

        #expect(Self.code { try CaseReplay.apply(dispatched, to: replica, lifecycle: lifecycle) } == .gap)
        guard case .applied(let afterFiling, _) = try CaseReplay.apply(filed, to: replica, lifecycle: lifecycle) else {
            Issue.record("filing was not applied")
            return
        }
        #expect(try CaseReplay.apply(filed, to: afterFiling, lifecycle: lifecycle) == .duplicate)

        var tampered = dispatched
        tampered.to = .inDisposal
        #expect(Self.code { try CaseReplay.apply(tampered, to: afterFiling, lifecycle: lifecycle) } == .diverged)
        tampered = dispatched
        tampered.clockEffects = [.stopAll]
        #expect(Self.code { try CaseReplay.apply(tampered, to: afterFiling, lifecycle: lifecycle) } == .diverged)
        tampered = dispatched
        tampered.actor = CaseActorV1(role: .citizen, id: "c-9")
        #expect(Self.code { try CaseReplay.apply(tampered, to: afterFiling, lifecycle: lifecycle) } == .refused)
        tampered = dispatched
        tampered.caseId = CaseID()
        #expect(Self.code { try CaseReplay.apply(tampered, to: afterFiling, lifecycle: lifecycle) } == .wrongCase)
        var reopened = opened
        reopened.sequence = 2
        #expect(Self.code { try CaseReplay.open(reopened, lifecycle: lifecycle) } == .notOpening)
    }

    @Test("events are decoded by type: unknown types are skipped, contradictions refused")
    func decodingByType() throws {
        let published = try ContractFixtures.run(LifecycleFixtures.path(to: .dispatched)).published
        let dispatched = published[2]
        #expect(try LifecycleTopicEventV1.decode(type: "gridloop.case.teleported.v1", data: dispatched.data)
            == .unknown(type: "gridloop.case.teleported.v1"))
        #expect(try LifecycleTopicEventV1.decode(type: "gridloop.case.dispatched.v2", data: Data("{}".utf8))
            == .unknown(type: "gridloop.case.dispatched.v2"))
        #expect {
            try LifecycleTopicEventV1.decode(type: ContractEventType.caseStep(.file), data: dispatched.data)
        } throws: { error in
            (error as? ContractValidationError)?.problems.first?.field == "action.step"
        }
        #expect {
            try LifecycleTopicEventV1.decode(type: dispatched.type, data: Data(#"{"caseId":"x"}"#.utf8))
        } throws: { error in
            (error as? ContractValidationError)?.problems.first?.code == .invalidFormat
        }
        let event = try LifecycleTopicEventV1.decode(type: dispatched.type, data: dispatched.data)
        #expect(event.type == dispatched.type)
        #expect(try event.data() == dispatched.data)
    }

    @Test("lifecycle data tolerate unknown fields at every level")
    func unknownFieldsTolerated() throws {
        let published = try ContractFixtures.run(LifecycleFixtures.path(to: .dispatched)).published
        for event in published {
            var object = try #require(JSONSerialization.jsonObject(with: event.data) as? [String: Any])
            object["addedInV1_1"] = ["nested": [1, 2, 3]]
            var snapshot = try #require(object["snapshot"] as? [String: Any])
            snapshot["futureCounter"] = 7
            var placement = try #require(snapshot["placement"] as? [String: Any])
            placement["zone"] = "north"
            snapshot["placement"] = placement
            object["snapshot"] = snapshot
            if var action = object["action"] as? [String: Any] {
                action["hint"] = "rule R-17"
                object["action"] = action
            }
            let extended = try JSONSerialization.data(withJSONObject: object)
            #expect(try LifecycleTopicEventV1.decode(type: event.type, data: extended)
                == LifecycleTopicEventV1.decode(type: event.type, data: event.data))
        }
    }

    @Test("deadline cards and manual-dispatch notices round-trip under their types")
    func notices() throws {
        let (original, _, _) = try ContractFixtures.run(LifecycleFixtures.path(to: .inDisposal))
        let snapshot = CaseSnapshotV1(case: original, placement: ContractFixtures.placement)
        let start = original.updatedAt
        let card = DeadlineCardV1(
            caseId: original.id, card: .red, stage: .dispose, stageStartedAt: start, dueAt: start.addingTimeInterval(3_600),
            limit: TimeLimitV1(.workingHours(4)), extensions: [TimeLimitV1(.workingDays(1))],
            escalation: EscalationTargetV1(.supervisingLevel, resolvedLevel: .district), issuedAt: start.addingTimeInterval(3_601),
            asOfSequence: original.lastSequence, snapshot: snapshot)
        #expect(card.type == ContractEventType.redCard)
        #expect(try LifecycleTopicEventV1.decode(type: card.type, data: ContractJSON.encode(card)) == .redCard(card))
        #expect(throws: ContractValidationError.self) {
            try LifecycleTopicEventV1.decode(type: ContractEventType.yellowCard, data: ContractJSON.encode(card))
        }
        let notice = ManualDispatchRequiredV1(
            caseId: original.id, reason: .ambiguousResponsibility, explanation: "两条同级规则指定不同主办单位",
            candidates: [UnitID("U-A"), UnitID("U-B")], detectedAt: start, asOfSequence: 2, snapshot: snapshot)
        #expect(try LifecycleTopicEventV1.decode(type: ManualDispatchRequiredV1.type, data: ContractJSON.encode(notice))
            == .manualDispatchRequired(notice))
        #expect(LifecycleTopicEventV1.manualDispatchRequired(notice).caseId == original.id)
    }

    @Test("timestamps are UTC with milliseconds and read with any offset")
    func timestamps() throws {
        let date = LifecycleFixtures.start.addingTimeInterval(0.25)
        #expect(ContractJSON.formatTimestamp(date) == "2025-03-03T01:00:00.250Z")
        #expect(ContractJSON.parseTimestamp("2025-03-03T09:00:00.250+08:00") == date)
        #expect(ContractJSON.parseTimestamp("2025-03-03T01:00:00Z") == LifecycleFixtures.start)
        #expect(ContractJSON.parseTimestamp("2025-03-03 09:00") == nil)
        #expect(ContractJSON.parseTimestamp("2025-03-03T09:00:00") == nil)
    }

    private static func code(_ body: () throws -> Any) -> CaseReplayError.Code? {
        do {
            _ = try body()
            return nil
        } catch {
            return (error as? CaseReplayError)?.code
        }
    }
}
