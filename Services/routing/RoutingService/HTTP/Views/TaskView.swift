import Foundation
public import GridDomain

/// A disposal unit's task as the API shows it: the case summary (no personal data: the report is the
/// masked one of the lifecycle events), the assignment, and the deadlines the task will get.
public struct TaskView: Sendable, Hashable, Codable {
    /// A deadline the unit should plan for.
    public struct Deadline: Sendable, Hashable, Codable {
        /// `sign_for` or `dispose`.
        public var stage: CaseStage
        /// When the stage's clock started (dispatch, or rework).
        public var startedAt: Date
        /// The limit by the deadline policy.
        public var limit: TimeLimitV1
        /// When it falls due (after the extensions granted so far).
        public var dueAt: Date

        private enum CodingKeys: String, CodingKey { case stage, startedAt, limit, dueAt }
    }

    /// The case.
    public var caseId: CaseID
    /// The human case number.
    public var caseNumber: CaseNumber
    /// The case's state.
    public var state: CaseState
    /// The task's status.
    public var taskStatus: TaskStatus
    /// The category.
    public var category: CategoryCode?
    /// The urgency.
    public var urgency: Urgency
    /// How the report arrived.
    public var channel: CaseChannel
    /// Grid, community, street, district and area class.
    public var placement: CasePlacementV1
    /// The (masked) description of the problem.
    public var description: String
    /// The (masked) address, when given.
    public var address: String?
    /// Photos and videos of the report.
    public var attachments: [URL]
    /// The lead unit.
    public var leadUnit: UnitID
    /// The co-units.
    public var coUnits: [UnitID]
    /// The assignment's round (1 = first dispatch).
    public var round: Int
    /// When the case was dispatched to the unit.
    public var dispatchedAt: Date
    /// When the unit signed for it, once it has (for the current run after a rework).
    public var signedForAt: Date?
    /// How often the case came back from a failed check.
    public var reworkCount: Int
    /// Extensions granted so far.
    public var extensionsGranted: [TimeLimitV1]
    /// An extension or parking request waiting for the shift lead.
    public var pendingRequest: CaseSnapshotV1.PendingRequestV1?
    /// The sign-for (while not yet signed) and disposal deadlines (not while parked).
    public var deadlines: [Deadline]

    private enum CodingKeys: String, CodingKey {
        case caseId, caseNumber, state, taskStatus, category, urgency, channel, placement, description, address, attachments
        case leadUnit, coUnits, round, dispatchedAt, signedForAt, reworkCount, extensionsGranted, pendingRequest, deadlines
    }
}

extension TaskView {
    /// The view of a replica's current task.
    init(replica: CaseReplica, task: TaskRow, deadlines preview: DeadlinePreview) {
        let current = replica.current
        caseId = current.id
        caseNumber = current.number
        state = current.state
        taskStatus = task.status
        category = current.category
        urgency = current.urgency
        channel = current.report.channel
        placement = replica.placement
        description = current.report.details
        address = current.report.location.address
        attachments = current.report.attachments
        leadUnit = task.lead
        coUnits = task.coUnits
        round = task.round
        dispatchedAt = task.dispatchedAt
        signedForAt = task.status == .dispatched || task.status == .rework ? nil : task.signedAt
        reworkCount = current.counters.reworkCount
        extensionsGranted = current.counters.extensionsGranted.map(TimeLimitV1.init)
        pendingRequest = current.pendingRequest.map(CaseSnapshotV1.PendingRequestV1.init)
        var deadlines: [Deadline] = []
        let stages: [CaseStage]
        switch task.status {
        case .dispatched, .rework: stages = [.signFor, .dispose]
        case .inDisposal, .jointResponse: stages = [.dispose]
        default: stages = []
        }
        for stage in stages {
            let extensions = stage == .dispose ? current.counters.extensionsGranted : []
            if let due = preview.dueAt(
                stage: stage, category: current.category, areaClass: replica.placement.areaClass, from: task.clockStartedAt,
                extensions: extensions)
            {
                deadlines.append(Deadline(stage: stage, startedAt: task.clockStartedAt, limit: TimeLimitV1(due.limit), dueAt: due.dueAt))
            }
        }
        self.deadlines = deadlines
    }
}
