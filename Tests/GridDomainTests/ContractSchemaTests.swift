import Foundation
import GridDomain
import Testing
import TestSupport

/// The JSON Schemas in `docs/contracts/` against what the Swift contract types encode: every encoded
/// value satisfies its schema (required keys, declared keys, types, enums, patterns), every declared
/// property is produced by some value, and the schemas' enumerations equal the Swift ones.
@Suite("Contract: JSON Schemas")
struct ContractSchemaTests {
    static func checker(_ file: String) throws -> ContractSchemaChecker {
        try ContractSchemaChecker(
            schemaFile: RepositoryFiles.root.appendingPathComponent("docs/contracts/\(file).v1.schema.json"))
    }

    /// Lifecycle events from every transition, a hotline case, a 部件 case with a component id, and a
    /// step of every action variant, so every optional field appears somewhere.
    static func lifecycleSamples() throws -> [ContractFixtures.Published] {
        var published: [ContractFixtures.Published] = []
        for transition in CaseLifecycle.transitions {
            published += try ContractFixtures.run(ContractFixtures.steps(for: transition)).published
        }
        let hotlineSteps: [(CaseAction, CaseActor)] =
            [LifecycleFixtures.sample(.requestVerification), LifecycleFixtures.sample(.reportVerification)]
            + LifecycleFixtures.path(to: .checked) + [LifecycleFixtures.sample(.recordCallback), LifecycleFixtures.sample(.close)]
        published += try ContractFixtures.run(
            hotlineSteps, report: ContractFixtures.hotlineReport(), opener: LifecycleFixtures.hotlineAgent
        ).published
        let componentReport = LifecycleFixtures.report(
            category: LifecycleFixtures.category("C0101"), componentID: try ComponentID("3399010101000123"))
        published += try ContractFixtures.run([], report: componentReport).published
        let template = try ContractJSON.decode(CaseStepV1.self, from: try #require(published.last { $0.type != CaseReportedV1.type }).data)
        for action in ContractActionTests.actions {
            var step = template
            step.action = CaseActionV1(action)
            published.append(.init(type: step.type, data: try ContractJSON.encode(step)))
        }
        return published
    }

    static func notices() throws -> (cards: [DeadlineCardV1], notices: [ManualDispatchRequiredV1]) {
        let (original, _, _) = try ContractFixtures.run(LifecycleFixtures.path(to: .inDisposal))
        let snapshot = CaseSnapshotV1(case: original, placement: ContractFixtures.placement)
        let at = original.updatedAt
        let yellow = DeadlineCardV1(
            caseId: original.id, card: .yellow, stage: .dispose, stageStartedAt: at, dueAt: at.addingTimeInterval(7_200),
            limit: TimeLimitV1(.workingHours(4)), extensions: [], escalation: EscalationTargetV1(.unit(UnitID("CITY-DUCHA"))),
            issuedAt: at.addingTimeInterval(5_000), asOfSequence: original.lastSequence, snapshot: snapshot)
        var red = yellow
        red.card = .red
        red.extensions = [TimeLimitV1(.workingDays(1))]
        red.escalation = EscalationTargetV1(.supervisingLevel, resolvedLevel: .district)
        let notice = ManualDispatchRequiredV1(
            caseId: original.id, reason: .noResponsibleUnit, explanation: "权责清单中没有 E0102 在该网格的规则",
            candidates: [UnitID("U-A")], detectedAt: at, asOfSequence: original.lastSequence, snapshot: snapshot)
        return ([yellow, red], [notice])
    }

    static func expectValid(
        _ values: [(label: String, data: Data)], against file: String, coveredElsewhere: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        var checker = try checker(file)
        for value in values {
            checker.check(try JSONValue.parse(value.data), label: value.label)
        }
        #expect(checker.failures == [], sourceLocation: sourceLocation)
        let unused = checker.declaredProperties.subtracting(checker.seen).sorted().filter { property in
            !coveredElsewhere.contains { property.hasPrefix($0) }
        }
        #expect(unused == [], "declared in \(file) but never produced", sourceLocation: sourceLocation)
    }

    @Test("lifecycle events satisfy their schemas and use every declared property")
    func lifecycleEvents() throws {
        let samples = try Self.lifecycleSamples()
        let opening = samples.filter { $0.type == CaseReportedV1.type }
        let steps = samples.filter { $0.type != CaseReportedV1.type }
        #expect(Set(steps.map(\.type)) == Set(CaseAction.Kind.allCases.map(ContractEventType.caseStep)))
        // Opening events share the snapshot, actor and clock-effect definitions with the steps, whose
        // test covers their optional parts.
        try Self.expectValid(
            opening.map { ($0.type, $0.data) }, against: "case-reported",
            coveredElsewhere: ["snapshot/", "pendingRequest/", "jointResponse/", "callbackResult/", "timeLimit/", "actor/unit", "clockEffect|"])
        try Self.expectValid(steps.map { ($0.type, $0.data) }, against: "case-step")
    }

    @Test("deadline cards and manual-dispatch notices satisfy their schemas")
    func notices() throws {
        let (cards, notices) = try Self.notices()
        // The snapshot's optional parts are the lifecycle events' and covered by their test.
        let snapshotParts = ["snapshot/", "pendingRequest/", "jointResponse/", "callbackResult/"]
        try Self.expectValid(
            cards.map { ($0.type, try ContractJSON.encode($0)) }, against: "deadline-card", coveredElsewhere: snapshotParts)
        try Self.expectValid(
            notices.map { (ManualDispatchRequiredV1.type, try ContractJSON.encode($0)) }, against: "manual-dispatch-required",
            coveredElsewhere: snapshotParts + ["timeLimit/"])
    }

    @Test("inbound examples and fully populated inbound messages satisfy their schemas")
    func inbound() throws {
        let root = RepositoryFiles.root.appendingPathComponent("docs/contracts/examples")
        let at = LifecycleFixtures.start
        let full = HotlineWorkOrderV1(
            orderNumber: "GD-1", channel: .hotline12345, receivedAt: at, caller: .init(name: "李四", phone: "13800000000", confidential: true),
            requestType: .suggestion, title: "建议", content: "建议增设垃圾桶",
            location: InboundLocationV1(address: "春桥村", point: CoordinatesV1(longitude: 120.1, latitude: 30.2), crs: .cgcs2000, placeCode: try PlaceCode("339901")),
            category: try CategoryCode("C0101"), urgency: .urgent,
            assignment: .init(lead: UnitID("U-A"), coUnits: [UnitID("U-B")]), timeLimit: TimeLimitV1(amount: 5, unit: .workingDays),
            dueAt: at, signedForAt: at, handlingRecords: [.init(at: at, unit: UnitID("U-A"), action: "签收", note: "已安排")],
            reply: .init(at: at, unit: UnitID("U-A"), content: "已处理"),
            history: [.init(kind: .return, at: at, unit: UnitID("U-A"), reason: "不属本单位", granted: TimeLimitV1(amount: 1, unit: .workingDays))],
            supervision: [.init(at: at, level: .city, note: "督办")], callback: .init(at: at, reached: true, satisfaction: .satisfied, note: "满意"),
            attachments: ["https://media.example.org/1.jpg"], componentId: try ComponentID("3399010101000123"))
        #expect(full.problems() == [])
        try Self.expectValid(
            [("example", try Data(contentsOf: root.appendingPathComponent("hotline-workorder.v1.json"))),
             ("full", try ContractJSON.encode(full))],
            against: "hotline-workorder")
        let alert = SensingAlertV1(
            alertId: "AI-1", deviceId: "CAM-7", observedAt: at, detection: "manhole_missing", category: try CategoryCode("C0101"),
            confidence: 0.8, urgency: .emergency, description: "井盖缺失",
            location: InboundLocationV1(address: "路口", point: CoordinatesV1(longitude: 120.1, latitude: 30.2), crs: .wgs84, placeCode: try PlaceCode("339901001001001")),
            attachments: ["https://media.example.org/2.jpg"], componentId: try ComponentID("3399010101000123"))
        #expect(alert.problems() == [])
        try Self.expectValid(
            [("example", try Data(contentsOf: root.appendingPathComponent("sensing-alert.v1.json"))), ("full", try ContractJSON.encode(alert))],
            against: "sensing-alert")
    }

    @Test("a value that breaks the schema is caught by the check")
    func checkerCatchesDrift() throws {
        var checker = try Self.checker("case-step")
        let sample = try #require(try Self.lifecycleSamples().first { $0.type != CaseReportedV1.type })
        var object = try #require(JSONValue.parse(sample.data).object)
        object["sequence"] = .string("2")
        object["surprise"] = .bool(true)
        object.removeValue(forKey: "snapshot")
        checker.check(.object(object), label: "tampered")
        #expect(checker.failures.contains { $0.contains("required 'snapshot' is missing") })
        #expect(checker.failures.contains { $0.contains("'surprise' is not declared") })
        #expect(checker.failures.contains { $0.hasPrefix("tampered.sequence: expected integer") })
    }

    @Test("the schemas' enumerations are the Swift ones")
    func enumerations() throws {
        let step = try Self.checker("case-step")
        #expect(step.enumValues(of: "caseState") == CaseState.allCases.map(\.rawValue))
        #expect(step.enumValues(of: "caseStage") == CaseStage.allCases.map(\.rawValue))
        #expect(step.enumValues(of: "actorRole") == ActorRole.allCases.map(\.rawValue))
        #expect(step.enumValues(of: "urgency") == Urgency.allCases.map(\.rawValue))
        #expect(step.enumValues(of: "caseChannel") == CaseChannel.allCases.map(\.rawValue))
        #expect(step.enumValues(of: "governanceLevel") == GovernanceLevel.allCases.map(\.rawValue))
        #expect(step.enumValues(of: "satisfaction") == Satisfaction.allCases.map(\.rawValue))
        #expect(step.enumValues(of: "notFiledReason") == NotFiledReason.allCases.map(\.rawValue))
        #expect(step.enumValues(of: "timeLimitUnit") == TimeLimitUnit.allCases.map(\.rawValue))
        #expect(step.discriminators(of: "action", key: "step") == CaseAction.Kind.allCases.map(\.rawValue))
        #expect(Set(step.discriminators(of: "clockEffect", key: "effect")) == Set(StageClockEffectV1.Name.allCases.map(\.rawValue)))
    }
}
