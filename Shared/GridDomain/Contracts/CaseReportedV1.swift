import Foundation

/// The data of `gridloop.case.reported.v1`: a case was opened (sequence 1 of its timeline).
/// Produced by intake only. Replicas open their copy with `CaseLifecycle.open` from it (see `CaseReplay`).
public struct CaseReportedV1: Sendable, Hashable, Codable {
    /// The case.
    public var caseId: CaseID
    /// The human case number.
    public var caseNumber: CaseNumber
    /// Always 1: the opening event is the first of the case's timeline.
    public var sequence: Int
    /// Who opened the case (the hotline agent, operator, supervisor, grid worker, citizen or a service).
    public var actor: CaseActorV1
    /// When the case was opened.
    public var occurredAt: Date
    /// The report, without raw personal data.
    public var report: MaskedCaseReportV1
    /// What opening does to the stage clocks (starts `accept`).
    public var clockEffects: [StageClockEffectV1]
    /// The case after opening.
    public var snapshot: CaseSnapshotV1

    /// The data for the opening event `event` of `opened`, located at `placement`.
    /// Throws when `event` is not an opening event (it has a step) or is of another case.
    public init(event: CaseEvent, case opened: Case, placement: CasePlacementV1) throws(ContractValidationError) {
        guard event.action == nil, event.caseID == opened.id else {
            throw ContractValidationError(
                subject: "CaseReportedV1", field: "sequence", code: .inconsistent,
                message: "event \(event.sequence) of case \(event.caseID) is not the opening event of case \(opened.id)")
        }
        self.caseId = opened.id
        self.caseNumber = opened.number
        self.sequence = event.sequence
        self.actor = CaseActorV1(event.actor)
        self.occurredAt = event.at
        self.report = MaskedCaseReportV1(masking: opened.report)
        self.clockEffects = event.clockEffects.map(StageClockEffectV1.init)
        self.snapshot = CaseSnapshotV1(case: opened, placement: placement)
    }

    /// The event type, `gridloop.case.reported.v1`.
    public static let type = ContractEventType.caseReported

    private enum CodingKeys: String, CodingKey {
        case caseId, caseNumber, sequence, actor, occurredAt, report, clockEffects, snapshot
    }
}
