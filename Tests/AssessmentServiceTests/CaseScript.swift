import AssessmentService
import Foundation
import GridDomain

/// Writes a case's history as the real contract events the other services would publish: opens a
/// case with `CaseLifecycle`, applies steps at given times, encodes each event with the contract
/// types (`CaseReportedV1`, `CaseStepV1`, `DeadlineCardV1`) and keeps the messages in order.
struct CaseScript {
    static let lifecycle = CaseLifecycle()
    static let gridWorker = CaseActor(role: .gridWorker, id: "gw-1", level: .grid)
    static let operatorActor = CaseActor(role: .intakeOperator, id: "op-1")
    static let shiftLead = CaseActor(role: .shiftLead, id: "sl-1", level: .street)
    static let dispatcher = CaseActor(role: .dispatcher, id: "dp-1", level: .street)
    static let supervisor = CaseActor(role: .supervisor, id: "sv-1")
    static func unit(_ id: String) -> CaseActor { CaseActor(role: .disposalUnit, id: "u-\(id)", unit: UnitID(id)) }

    private(set) var current: Case
    let placement: CasePlacementV1
    private(set) var messages: [LifecycleMessage] = []

    /// Opens a grid worker's report at `time` in `grid` (15 digits).
    init(at time: Date, grid: String = "339901001001001", category: String = "E0102", number: Int = 1) throws {
        let report = try CaseReport(
            channel: .gridWorker, reporter: Reporter(accountID: "gw-1"), reportedAt: time,
            location: CaseLocation(place: PlaceCode(grid)), category: CategoryCode(category), details: "路边有暴露垃圾")
        let (opened, event) = try Self.lifecycle.open(
            id: CaseID(), number: CaseNumber(String(format: "LJ2025030%07d", number)), report: report, by: Self.gridWorker, at: time)
        current = opened
        placement = CasePlacementV1(place: try PlaceCode(grid), areaClass: AreaClass("general"))
        let data = try CaseReportedV1(event: event, case: opened, placement: placement)
        messages.append(LifecycleMessage(eventID: UUID().uuidString.lowercased(), type: CaseReportedV1.type, data: try ContractJSON.encode(data)))
    }

    var id: CaseID { current.id }
    var sequence: Int { current.lastSequence }

    /// Applies `action` by `actor` at `time` and records the step event.
    mutating func step(_ action: CaseAction, by actor: CaseActor, at time: Date) throws {
        let event = try Self.lifecycle.apply(action, to: &current, by: actor, at: time)
        let data = try CaseStepV1(event: event, case: current, placement: placement)
        messages.append(LifecycleMessage(eventID: UUID().uuidString.lowercased(), type: data.type, data: try ContractJSON.encode(data)))
    }

    /// Records a deadline card as the SLA monitor would issue it, as of the current sequence (or `asOf`).
    mutating func card(
        _ card: DeadlineCardV1.Card, stage: CaseStage = .dispose, startedAt: Date, dueAt: Date, issuedAt: Date, asOf: Int? = nil
    ) throws {
        let data = DeadlineCardV1(
            caseId: current.id, card: card, stage: stage, stageStartedAt: startedAt, dueAt: dueAt,
            limit: TimeLimitV1(amount: 4, unit: .workingHours), extensions: [],
            escalation: EscalationTargetV1(target: .supervising, level: .district), issuedAt: issuedAt,
            asOfSequence: asOf ?? current.lastSequence, snapshot: CaseSnapshotV1(case: current, placement: placement))
        messages.append(LifecycleMessage(eventID: UUID().uuidString.lowercased(), type: data.type, data: try ContractJSON.encode(data)))
    }

    // MARK: Common paths

    mutating func file(at time: Date) throws {
        try step(.file(category: nil, urgency: nil), by: Self.operatorActor, at: time)
    }

    mutating func dispatch(to unit: String, at time: Date) throws {
        try step(.dispatch(lead: UnitID(unit), coUnits: []), by: Self.dispatcher, at: time)
    }

    mutating func signFor(_ unit: String, at time: Date) throws {
        try step(.signFor, by: Self.unit(unit), at: time)
    }

    mutating func reportDisposal(_ unit: String, at time: Date) throws {
        try step(.reportDisposal(note: "已处置", attachments: []), by: Self.unit(unit), at: time)
    }

    mutating func check(passed: Bool, at time: Date) throws {
        try step(.assignCheck, by: Self.operatorActor, at: time)
        if passed {
            try step(.passCheck(note: nil), by: Self.supervisor, at: time.addingTimeInterval(60))
        } else {
            try step(.failCheck(reason: "仍有垃圾"), by: Self.supervisor, at: time.addingTimeInterval(60))
        }
    }

    mutating func close(at time: Date) throws {
        try step(.close, by: Self.shiftLead, at: time)
    }
}

/// Times on 2025-03-03 (a Monday) in Asia/Shanghai, as `"HH:mm"` or `"d HH:mm"` (day of March).
func at(_ text: String) -> Date {
    let parts = text.split(separator: " ")
    let day = parts.count == 2 ? Int(parts[0])! : 3
    let clock = parts.last!.split(separator: ":").map { Int($0)! }
    var components = DateComponents()
    components.year = 2025
    components.month = 3
    components.day = day
    components.hour = clock[0]
    components.minute = clock[1]
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
    return calendar.date(from: components)!
}
