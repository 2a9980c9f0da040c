import Foundation
public import GridDomain

/// Routing's copy of a case: the lifecycle's `Case` as rebuilt by `CaseReplay` from the lifecycle
/// topic (and advanced by the steps routing takes itself), where it is, and routing's bookkeeping
/// about its tasks and the manual-dispatch queue. Stored as one row of `routing.cases`.
public struct CaseReplica: Sendable {
    /// The case.
    public var current: Case
    /// Grid, community, street, district and area class, as intake placed it when it opened the case.
    public var placement: CasePlacementV1
    /// How many assignments the case has had (0 before the first dispatch); the current one's round.
    public var assignmentRound: Int
    /// The status of the current assignment, once dispatched.
    public var taskStatus: TaskStatus?
    /// True while the case waits in the manual-dispatch queue.
    public var queued: Bool
    /// Every unit that returned the case (退回), oldest first; re-dispatch excludes them.
    public var returnedBy: [UnitID]
    /// False until the replica is first stored.
    public var isStored: Bool

    /// Creates a replica.
    public init(
        current: Case, placement: CasePlacementV1, assignmentRound: Int = 0, taskStatus: TaskStatus? = nil, queued: Bool = false,
        returnedBy: [UnitID] = [], isStored: Bool = false
    ) {
        self.current = current
        self.placement = placement
        self.assignmentRound = assignmentRound
        self.taskStatus = taskStatus
        self.queued = queued
        self.returnedBy = returnedBy
        self.isStored = isStored
    }

    /// The case id.
    public var id: CaseID { current.id }

    /// The case as published in events.
    public var snapshot: CaseSnapshotV1 { CaseSnapshotV1(case: current, placement: placement) }

    /// The most precise place known (grid, community, street or district), for scope checks.
    public var place: PlaceCode? { placement.grid ?? placement.community ?? placement.street ?? placement.district }
}
