import Foundation
import GridDomain
import GridRuntime
import NotificationService
import Testing

/// The sample city with its notification rules, and lifecycle-topic events built the way their
/// producers build them (domain lifecycle → contract types → JSON).
enum NotificationFixtures {
    /// `deploy/sample-city`, found from this file's path.
    static let cityDirectory: String = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("deploy/sample-city")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("places.csv").path) {
                return candidate.path
            }
        }
        return "deploy/sample-city"
    }()

    private static let loaded: Result<NotificationCity, DataFileError> = Result { () throws(DataFileError) in
        try NotificationCity(directory: cityDirectory)
    }

    /// The sample city (loaded once).
    static func city() throws -> NotificationCity { try loaded.get() }

    static let lifecycle = CaseLifecycle()
    static let start = Date(timeIntervalSince1970: 1_741_741_200)  // 2025-03-12 09:00 Asia/Shanghai
    static let grid = try! PlaceCode("339901001001001")
    static let placement = CasePlacementV1(place: grid, areaClass: AreaClass("general"))
    static let lead = UnitID("S339901001-SANITATION")
    static let coUnit = UnitID("S339901001-ENFORCE")

    static let intake = CaseActor(role: .intakeOperator, id: "op-1")
    static let supervisor = CaseActor(role: .supervisor, id: "sv-1")
    static let shiftLead = CaseActor(role: .shiftLead, id: "sl-1", level: .street)
    static let dispatcher = CaseActor(role: .dispatcher, id: "dp-1", level: .street)
    static let unit = CaseActor(role: .disposalUnit, id: "u-1", unit: lead)
    static let hotlineAgent = CaseActor(role: .hotlineAgent, id: "hl-1")

    /// A published lifecycle-topic event: CloudEvents id and type, JSON data.
    struct Published: Sendable {
        let id: String
        let type: String
        let data: Data
        let event: LifecycleTopicEventV1
    }

    /// A 12345 report with a caller who left a phone number.
    static func hotlineReport(confidential: Bool = false, phone: String? = "13812345678") throws -> CaseReport {
        try CaseReport(
            channel: .hotline12345,
            reporter: Reporter(name: .name("张三"), phone: phone.map(PersonalData.phone), confidential: confidential),
            reportedAt: start,
            location: CaseLocation(point: .init(longitude: 120.102, latitude: 30.215), place: grid, address: "春桥村村委会东侧路口"),
            category: try CategoryCode("E0102"),
            details: "路口垃圾堆积两天无人清运，联系电话13812345678",
            externalReference: "GD-12345-20250312-0042")
    }

    /// A whole hotline case: opened, verified, filed, dispatched (lead + one co-unit), signed for,
    /// disposed, checked, called back, closed. Returns every published event and the case after each.
    /// (Other channels: the same steps, without the call-back, opened by `opener`.)
    static func hotlineCase(
        report: CaseReport? = nil, coUnits: [UnitID] = [coUnit], caseID: CaseID = CaseID(), opener: CaseActor = hotlineAgent
    ) throws -> (events: [Published], states: [Case]) {
        let report = try report ?? hotlineReport()
        var steps: [(CaseAction, CaseActor)] = [
            (.requestVerification, intake),
            (.reportVerification(confirmed: true, note: nil), supervisor),
            (.file(category: nil, urgency: .urgent), intake),
            (.dispatch(lead: lead, coUnits: coUnits), dispatcher),
            (.signFor, unit),
            (.reportDisposal(note: "已清运", attachments: []), unit),
            (.assignCheck, intake),
            (.passCheck(note: nil), supervisor),
            (.recordCallback(satisfaction: .satisfied, note: nil), hotlineAgent),
            (.close, shiftLead),
        ]
        if !report.channel.isHotline { steps.remove(at: steps.count - 2) }
        var (current, event) = try lifecycle.open(
            id: caseID, number: CaseNumber("LJ2025031200042"), report: report, by: opener, at: start)
        var events = [try publish(event, of: current)]
        var states = [current]
        for (action, actor) in steps {
            event = try lifecycle.apply(action, to: &current, by: actor, at: current.updatedAt.addingTimeInterval(600))
            events.append(try publish(event, of: current))
            states.append(current)
        }
        return (events, states)
    }

    /// The published event of a domain event.
    static func publish(_ event: CaseEvent, of current: Case) throws -> Published {
        if event.action == nil {
            let data = try CaseReportedV1(event: event, case: current, placement: placement)
            return try published(.reported(data))
        }
        return try published(.step(try CaseStepV1(event: event, case: current, placement: placement)))
    }

    /// A citizen-app report from someone who left neither a phone nor an account.
    static func anonymousCitizenReport() throws -> CaseReport {
        try CaseReport(
            channel: .citizenApp, reporter: Reporter(), reportedAt: start,
            location: CaseLocation(point: .init(longitude: 120.102, latitude: 30.215), place: grid),
            category: try CategoryCode("E0102"), details: "垃圾堆积")
    }

    /// A deadline card on a dispatched case.
    static func card(
        _ colour: DeadlineCardV1.Card, of current: Case, escalation: EscalationTargetV1 = EscalationTargetV1(target: .supervising, level: .district),
        stage: CaseStage = .signFor, leadUnit: UnitID? = nil
    ) throws -> Published {
        var snapshot = CaseSnapshotV1(case: current, placement: placement)
        if let leadUnit { snapshot.leadUnit = leadUnit }
        let card = DeadlineCardV1(
            caseId: current.id, card: colour, stage: stage, stageStartedAt: current.updatedAt,
            dueAt: current.updatedAt.addingTimeInterval(7200), limit: TimeLimitV1(amount: 2, unit: .workingHours), extensions: [],
            escalation: escalation, issuedAt: current.updatedAt.addingTimeInterval(colour == .yellow ? 5400 : 7201),
            asOfSequence: current.lastSequence, snapshot: snapshot)
        return try published(colour == .yellow ? .yellowCard(card) : .redCard(card))
    }

    /// A manual-dispatch notice on a filed case.
    static func manualDispatch(of current: Case, placement: CasePlacementV1 = placement) throws -> Published {
        let notice = ManualDispatchRequiredV1(
            caseId: current.id, reason: .noResponsibleUnit, explanation: "E0102 在 339901001001001 无规则；举报人电话13812345678",
            candidates: [lead], detectedAt: current.updatedAt.addingTimeInterval(1), asOfSequence: current.lastSequence,
            snapshot: CaseSnapshotV1(case: current, placement: placement))
        return try published(.manualDispatchRequired(notice))
    }

    static func published(_ event: LifecycleTopicEventV1) throws -> Published {
        Published(id: UUID().uuidString.lowercased(), type: event.type, data: try #require(try event.data()), event: event)
    }

    /// The notifiable form of a published event.
    static func notifiable(_ published: Published) throws -> NotifiableEvent {
        try #require(NotifiableEvent(published.event))
    }
}

extension NotificationFixtures.Published {
    /// The event as its producer's outbox publishes it (binary-mode CloudEvent).
    func cloudEvent(source: String = ContractSource.routing) -> CloudEvent {
        CloudEvent(
            id: id, source: source, type: type, subject: event.caseId?.description, time: Date(),
            dataContentType: "application/json", data: Array(data))
    }
}
