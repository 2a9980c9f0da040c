import Foundation
public import GridDomain

/// A red card (督办) on a case that has not moved since (`GET /v1/supervision`).
public struct SupervisionView: Sendable, Hashable, Codable {
    /// The case.
    public var caseId: CaseID
    /// The human case number.
    public var caseNumber: CaseNumber
    /// The case's state.
    public var state: CaseState
    /// The category.
    public var category: CategoryCode?
    /// The urgency.
    public var urgency: Urgency
    /// Where.
    public var placement: CasePlacementV1
    /// The lead unit, when dispatched.
    public var leadUnit: UnitID?
    /// The overdue stage.
    public var stage: CaseStage
    /// When the stage's clock started.
    public var stageStartedAt: Date
    /// When it fell due.
    public var dueAt: Date
    /// When the red card was issued.
    public var issuedAt: Date
    /// Who the card escalates to.
    public var escalation: EscalationTargetV1

    private enum CodingKeys: String, CodingKey {
        case caseId, caseNumber, state, category, urgency, placement, leadUnit, stage, stageStartedAt, dueAt, issuedAt, escalation
    }
}

/// `GET /v1/supervision`: a page of open red cards.
public struct SupervisionListView: Sendable, Hashable, Codable {
    /// The cards, oldest first.
    public var cards: [SupervisionView]
    /// The page size asked for.
    public var limit: Int
    /// The offset asked for.
    public var offset: Int

    private enum CodingKeys: String, CodingKey { case cards, limit, offset }
}
