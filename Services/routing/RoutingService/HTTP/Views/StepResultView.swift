import Foundation
public import GridDomain

/// The answer to a step taken through the API: the steps taken (a return may be followed by routing's
/// re-dispatch), and where the case stands afterwards.
public struct StepResultView: Sendable, Hashable, Codable {
    /// One step taken.
    public struct Step: Sendable, Hashable, Codable {
        /// The step.
        public var step: CaseAction.Kind
        /// Its sequence in the case's timeline.
        public var sequence: Int
        /// Who took it (`role:account`).
        public var actor: String
        /// When.
        public var occurredAt: Date

        private enum CodingKeys: String, CodingKey { case step, sequence, actor, occurredAt }
    }

    /// The case.
    public var caseId: CaseID
    /// The human case number.
    public var caseNumber: CaseNumber
    /// The steps taken, in order.
    public var steps: [Step]
    /// The case's state after them.
    public var state: CaseState
    /// The lead unit after them.
    public var leadUnit: UnitID?
    /// The co-units after them.
    public var coUnits: [UnitID]
    /// The current task's status.
    public var taskStatus: TaskStatus?
    /// True when the case now waits for a dispatcher.
    public var queued: Bool
    /// Why, when queued by this request.
    public var queueReason: ManualDispatchRequiredV1.Reason?

    private enum CodingKeys: String, CodingKey {
        case caseId, caseNumber, steps, state, leadUnit, coUnits, taskStatus, queued, queueReason
    }
}

extension StepResultView {
    /// The result of a committed workspace for the case of `replica` (its state in the workspace).
    init(_ workspace: RoutingWorkspace, replica: CaseReplica) {
        let id = replica.id
        caseId = id
        caseNumber = replica.current.number
        steps = workspace.outgoing.compactMap { event in
            guard case .step(let data) = event, data.caseId == id else { return nil }
            return Step(step: data.action.kind, sequence: data.sequence, actor: "\(data.actor.role.rawValue):\(data.actor.id)", occurredAt: data.occurredAt)
        }
        state = replica.current.state
        leadUnit = replica.current.assignment?.lead
        coUnits = replica.current.assignment?.coUnits ?? []
        taskStatus = replica.taskStatus
        queued = replica.queued
        queueReason = workspace.queueEntries.last { $0.caseID == id }?.reason
    }
}
