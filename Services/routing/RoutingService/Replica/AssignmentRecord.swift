import Foundation
public import GridDomain

/// One assignment of a case (a disposal unit's task): a row of `routing.assignments`.
public struct AssignmentRecord: Sendable, Hashable {
    /// The case.
    public var caseID: CaseID
    /// 1 for the first dispatch, then one more per re-dispatch or dispatch after escalation.
    public var round: Int
    /// The sequence of the dispatch or redispatch event.
    public var dispatchSequence: Int
    /// The lead unit (主办).
    public var lead: UnitID
    /// The co-units (协办).
    public var coUnits: [UnitID]
    /// Who dispatched: `system:routing` or `dispatcher:<account>`.
    public var dispatchedBy: String
    /// When the case was dispatched.
    public var dispatchedAt: Date
    /// The winning 权责清单 rule (automatic dispatch).
    public var ruleID: String?
    /// The list version (automatic dispatch).
    public var listVersion: String?
    /// The tier that handles the case first (automatic dispatch).
    public var tier: GovernanceLevel?
    /// The escalation chain (automatic dispatch).
    public var escalation: [UnitID]
    /// Why, as stored JSON; `nil` for a dispatch routing learnt only by replaying the topic.
    public var explanation: DispatchExplanation?
    /// The task's status.
    public var status: TaskStatus
    /// When the current sign-for and disposal clocks started (dispatch, rework or whistle).
    public var clockStartedAt: Date
    /// When the unit last signed for the task.
    public var signedAt: Date?
    /// When the unit reported the disposal.
    public var disposedAt: Date?
    /// When the unit returned the task.
    public var returnedAt: Date?
    /// Why it returned it.
    public var returnReason: String?

    /// Creates a record; the task starts `dispatched` with its clocks at `dispatchedAt`.
    public init(
        caseID: CaseID, round: Int, dispatchSequence: Int, lead: UnitID, coUnits: [UnitID], dispatchedBy: String,
        dispatchedAt: Date, ruleID: String? = nil, listVersion: String? = nil, tier: GovernanceLevel? = nil,
        escalation: [UnitID] = [], explanation: DispatchExplanation? = nil
    ) {
        self.caseID = caseID
        self.round = round
        self.dispatchSequence = dispatchSequence
        self.lead = lead
        self.coUnits = coUnits
        self.dispatchedBy = dispatchedBy
        self.dispatchedAt = dispatchedAt
        self.ruleID = ruleID
        self.listVersion = listVersion
        self.tier = tier
        self.escalation = escalation
        self.explanation = explanation
        self.status = .dispatched
        self.clockStartedAt = dispatchedAt
    }
}

/// Changes to an assignment row that is already stored; `nil` fields stay as they are.
public struct AssignmentChange: Sendable, Hashable {
    /// The case.
    public var caseID: CaseID
    /// The round of the row.
    public var round: Int
    /// The new status.
    public var status: TaskStatus?
    /// A new clock start (rework, whistle).
    public var clockStartedAt: Date?
    /// A new sign-for time.
    public var signedAt: Date?
    /// A new disposal time.
    public var disposedAt: Date?
    /// A return time.
    public var returnedAt: Date?
    /// A return reason.
    public var returnReason: String?

    /// No changes yet.
    public init(caseID: CaseID, round: Int) {
        self.caseID = caseID
        self.round = round
    }
}
