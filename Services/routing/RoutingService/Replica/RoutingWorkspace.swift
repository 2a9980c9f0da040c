import Foundation
public import GridDomain

/// The changes routing makes to a set of cases within one database transaction: replicas advanced by
/// lifecycle events (``open(_:)``, ``replay(_:)``), steps routing takes itself (``take(_:on:by:at:dispatch:)``),
/// the decisions that follow (``settle(now:)``), and what to write: replica rows, task rows, queue
/// entries and the events to publish. ``RoutingStore`` loads and saves it in a handful of statements,
/// whatever the number of cases.
public struct RoutingWorkspace: Sendable {
    /// What routing decided in this workspace, for metrics and logs.
    public struct Outcomes: Sendable, Hashable {
        /// Lifecycle events applied to replicas (not counting duplicates).
        public var eventsApplied = 0
        /// Events that were already applied.
        public var duplicates = 0
        /// Dispatches and re-dispatches by the 权责清单.
        public var automaticDispatches = 0
        /// Cases put in the manual-dispatch queue, by reason.
        public var queued: [ManualDispatchRequiredV1.Reason: Int] = [:]
    }

    let lifecycle: CaseLifecycle
    let dispatcher: Dispatcher
    /// The actor of routing's automatic steps.
    public static let systemActor = CaseActor.system("routing")

    /// The replicas loaded or opened, by case.
    public internal(set) var replicas: [CaseID: CaseReplica]
    /// Cases whose replica changed, in the order first changed.
    public internal(set) var changedCases: [CaseID] = []
    /// New assignment rows, in order.
    public internal(set) var newAssignments: [AssignmentRecord] = []
    /// Changes to stored assignment rows.
    public internal(set) var assignmentChanges: [AssignmentChange] = []
    /// New queue entries (possibly settled in this workspace already: see ``settledEntries``).
    public internal(set) var queueEntries: [QueueEntry] = []
    /// Settlements of queue entries already stored.
    public internal(set) var queueResolutions: [QueueResolution] = []
    /// Settlements of entries queued in this workspace, by index into ``queueEntries``.
    public internal(set) var settledEntries: [Int: QueueResolution] = [:]
    /// Red cards to record for the supervision list (cases this workspace holds).
    public internal(set) var redCards: [DeadlineCardV1] = []
    /// The events to publish, in order.
    public internal(set) var outgoing: [LifecycleTopicEventV1] = []
    /// What happened.
    public internal(set) var outcomes = Outcomes()

    var changed: Set<CaseID> = []
    var stepped: [CaseID] = []
    var steppedSet: Set<CaseID> = []
    var newAssignmentIndex: [CaseID: Int] = [:]
    var changeIndex: [CaseID: Int] = [:]
    var pendingEntryIndex: [CaseID: Int] = [:]
    var escalationReasons: [CaseID: String] = [:]

    /// A workspace over replicas loaded from the database.
    public init(lifecycle: CaseLifecycle, dispatcher: Dispatcher, loaded: [CaseReplica]) {
        self.lifecycle = lifecycle
        self.dispatcher = dispatcher
        self.replicas = Dictionary(loaded.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The replica of a case, if loaded or opened here.
    public subscript(id: CaseID) -> CaseReplica? { replicas[id] }
}

extension RoutingWorkspace {
    /// Opens a replica from a case's opening event; an already known case is a duplicate.
    public mutating func open(_ data: CaseReportedV1) throws(CaseReplayError) {
        guard replicas[data.caseId] == nil else {
            outcomes.duplicates += 1
            return
        }
        let opened = try CaseReplay.open(data, lifecycle: lifecycle)
        replicas[data.caseId] = CaseReplica(current: opened.case, placement: data.snapshot.placement)
        markChanged(data.caseId)
        outcomes.eventsApplied += 1
    }

    /// Records a red card (督办) for the supervision list when the workspace holds the case; cards of
    /// cases routing has not seen are ignored.
    public mutating func recordRedCard(_ card: DeadlineCardV1) {
        guard replicas[card.caseId] != nil, card.card == .red else { return }
        redCards.append(card)
    }

    /// Applies a step from the lifecycle topic (including routing's own, which come back as
    /// duplicates). Throws `gap` when the case is unknown or events are missing.
    public mutating func replay(_ data: CaseStepV1) throws(CaseReplayError) {
        guard var replica = replicas[data.caseId] else {
            throw CaseReplayError(
                code: .gap, caseId: data.caseId, sequence: data.sequence,
                message: "routing has no replica of the case; its opening event is missing")
        }
        switch try CaseReplay.apply(data, to: replica.current, lifecycle: lifecycle) {
        case .duplicate:
            outcomes.duplicates += 1
        case .applied(let updated, let event):
            replica.current = updated
            record(event, on: &replica, dispatch: nil)
            replicas[data.caseId] = replica
            outcomes.eventsApplied += 1
        }
    }

    /// Takes a step routing owns (a dispatch, a unit's sign-for…) on a loaded replica, records what it
    /// does to the task and queues its event for publishing.
    /// - Parameter dispatch: For dispatch and redispatch: the 权责清单 details and explanation.
    /// - Returns: The event.
    @discardableResult
    public mutating func take(
        _ action: CaseAction, on id: CaseID, by actor: CaseActor, at time: Date, dispatch: DispatchDetails? = nil
    ) throws(LifecycleError) -> CaseEvent {
        guard var replica = replicas[id] else {
            preconditionFailure("take(_:on:) on case \(id), which the workspace has not loaded")
        }
        let applied = try lifecycle.apply(action, to: replica.current, by: actor, at: time)
        replica.current = applied.case
        record(applied.event, on: &replica, dispatch: dispatch)
        replicas[id] = replica
        // An applied step always has an action and belongs to the case, which is all CaseStepV1 checks.
        if let data = try? CaseStepV1(event: applied.event, case: applied.case, placement: replica.placement) {
            outgoing.append(.step(data))
        }
        return applied.event
    }

    /// The time for a step routing takes now: `now`, or the case's last step time when the clock is
    /// behind it (another service's clock), so the lifecycle never sees a step out of order.
    public func stepTime(for id: CaseID, now: Date) -> Date {
        guard let last = replicas[id]?.current.updatedAt else { return now }
        return max(now, last)
    }
}

/// How a dispatch was decided, stored with its assignment.
public struct DispatchDetails: Sendable, Hashable {
    /// The 权责清单's assignment, for automatic dispatches.
    public var assignment: ResponsibilityAssignment?
    /// Why.
    public var explanation: DispatchExplanation

    /// Creates details.
    public init(assignment: ResponsibilityAssignment?, explanation: DispatchExplanation) {
        self.assignment = assignment
        self.explanation = explanation
    }
}
