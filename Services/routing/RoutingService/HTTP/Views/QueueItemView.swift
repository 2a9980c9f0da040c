import Foundation
public import GridDomain

/// A case waiting in the command centre's manual-dispatch queue (`GET /v1/dispatch-queue`).
public struct QueueItemView: Sendable, Hashable, Codable {
    /// The case.
    public var caseId: CaseID
    /// The human case number.
    public var caseNumber: CaseNumber
    /// The case's state (`filed`, `returned` or `escalated`).
    public var state: CaseState
    /// The category.
    public var category: CategoryCode?
    /// The urgency.
    public var urgency: Urgency
    /// How the report arrived.
    public var channel: CaseChannel
    /// Where the case is (empty when it could not be placed).
    public var placement: CasePlacementV1
    /// Why routing could not dispatch it.
    public var reason: ManualDispatchRequiredV1.Reason
    /// The resolver's explanation in words.
    public var explanation: String
    /// Units the dispatcher may consider.
    public var candidates: [UnitID]
    /// Units that returned the case (a re-dispatch should avoid them).
    public var returnedBy: [UnitID]
    /// Since when it waits.
    public var since: Date
    /// The case's last sequence when it was queued.
    public var asOfSequence: Int

    private enum CodingKeys: String, CodingKey {
        case caseId, caseNumber, state, category, urgency, channel, placement, reason, explanation, candidates, returnedBy
        case since, asOfSequence
    }
}

/// `GET /v1/dispatch-queue`: a page of the queue.
public struct QueueListView: Sendable, Hashable, Codable {
    /// The waiting cases, oldest first.
    public var cases: [QueueItemView]
    /// The page size asked for.
    public var limit: Int
    /// The offset asked for.
    public var offset: Int

    private enum CodingKeys: String, CodingKey { case cases, limit, offset }
}
