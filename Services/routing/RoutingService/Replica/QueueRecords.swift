import Foundation
public import GridDomain

/// A case waiting for a dispatcher: a row of `routing.dispatch_queue`, announced with
/// `gridloop.dispatch.manual-required.v1`.
public struct QueueEntry: Sendable, Hashable {
    /// The case.
    public var caseID: CaseID
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
    /// When the case was queued.
    public var since: Date

    /// Creates an entry.
    public init(
        caseID: CaseID, asOfSequence: Int, reason: ManualDispatchRequiredV1.Reason, explanation: String,
        resolver: ResolverExplanation?, candidates: [UnitID], since: Date
    ) {
        self.caseID = caseID
        self.asOfSequence = asOfSequence
        self.reason = reason
        self.explanation = explanation
        self.resolver = resolver
        self.candidates = candidates
        self.since = since
    }
}

/// A queue entry settled by a step on its case (a dispatch by a dispatcher, a void, an escalation…).
public struct QueueResolution: Sendable, Hashable {
    /// The case.
    public var caseID: CaseID
    /// When.
    public var at: Date
    /// Who took the step, `role:account`.
    public var by: String
    /// The step that settled it (`dispatch`, `redispatch`, `void`, …).
    public var step: CaseAction.Kind
}
