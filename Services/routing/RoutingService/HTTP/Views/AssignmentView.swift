import Foundation
public import GridDomain

/// One assignment of a case with its explanation (`GET /v1/cases/{id}/assignment`).
public struct AssignmentView: Sendable, Hashable, Codable {
    /// 1 for the first dispatch, one more per re-dispatch.
    public var round: Int
    /// The sequence of the dispatch event.
    public var dispatchSequence: Int
    /// The lead unit.
    public var leadUnit: UnitID
    /// The co-units.
    public var coUnits: [UnitID]
    /// `system:routing` or `dispatcher:<account>`.
    public var dispatchedBy: String
    /// When.
    public var dispatchedAt: Date
    /// The winning 权责清单 rule (automatic dispatch).
    public var ruleId: String?
    /// The list version (automatic dispatch).
    public var listVersion: String?
    /// The tier (automatic dispatch).
    public var tier: GovernanceLevel?
    /// The escalation chain (automatic dispatch).
    public var escalation: [UnitID]
    /// Why; absent for dispatches routing only learnt from the topic.
    public var explanation: DispatchExplanation?
    /// The task's status.
    public var status: TaskStatus
    /// When the current clocks started.
    public var clockStartedAt: Date
    /// When the unit last signed for it.
    public var signedForAt: Date?
    /// When the unit reported the disposal.
    public var disposedAt: Date?
    /// When the unit returned it.
    public var returnedAt: Date?
    /// Why.
    public var returnReason: String?

    private enum CodingKeys: String, CodingKey {
        case round, dispatchSequence, leadUnit, coUnits, dispatchedBy, dispatchedAt, ruleId, listVersion, tier, escalation
        case explanation, status, clockStartedAt, signedForAt, disposedAt, returnedAt, returnReason
    }
}

/// A queue entry of a case, open or settled.
public struct QueueEntryView: Sendable, Hashable, Codable {
    /// The case's last sequence when it was queued.
    public var asOfSequence: Int
    /// Why.
    public var reason: ManualDispatchRequiredV1.Reason
    /// The explanation in words.
    public var explanation: String
    /// The resolver's account, when it was asked.
    public var resolver: ResolverExplanation?
    /// Units the dispatcher may consider.
    public var candidates: [UnitID]
    /// Since when.
    public var since: Date
    /// When the entry was settled.
    public var resolvedAt: Date?
    /// Who settled it (`role:account`).
    public var resolvedBy: String?
    /// The step that settled it.
    public var resolvedStep: CaseAction.Kind?

    private enum CodingKeys: String, CodingKey {
        case asOfSequence, reason, explanation, resolver, candidates, since, resolvedAt, resolvedBy, resolvedStep
    }
}

/// `GET /v1/cases/{id}/assignment`: the current and past assignments of a case, with explanations,
/// and its manual-dispatch history.
public struct CaseAssignmentsView: Sendable, Hashable, Codable {
    /// The case.
    public var caseId: CaseID
    /// The human case number.
    public var caseNumber: CaseNumber
    /// The case's state.
    public var state: CaseState
    /// The current assignment, while one is in force.
    public var current: AssignmentView?
    /// Every assignment, first round first (including the current one).
    public var history: [AssignmentView]
    /// Units that returned the case.
    public var returnedBy: [UnitID]
    /// Whether the case waits for a dispatcher now.
    public var queued: Bool
    /// The case's manual-dispatch queue entries, oldest first.
    public var queue: [QueueEntryView]

    private enum CodingKeys: String, CodingKey { case caseId, caseNumber, state, current, history, returnedBy, queued, queue }
}
