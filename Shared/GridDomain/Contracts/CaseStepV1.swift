import Foundation

/// The data of every lifecycle step type, `gridloop.case.<step>.v1` (`gridloop.case.filed.v1`,
/// `gridloop.case.dispatched.v1`, …): one step of a case's timeline, with what replay needs (the
/// action with its parameters, the actor, the time, the sequence) and the case after the step.
///
/// Produced only by the owner of the state the step starts from (`ContractPhaseOwner`).
public struct CaseStepV1: Sendable, Hashable, Codable {
    /// The case.
    public var caseId: CaseID
    /// The position in the case's timeline, from 2 (1 is the opening event), without gaps.
    public var sequence: Int
    /// The step and its parameters.
    public var action: CaseActionV1
    /// Who took the step.
    public var actor: CaseActorV1
    /// When.
    public var occurredAt: Date
    /// The state before the step.
    public var from: CaseState
    /// The state after the step.
    public var to: CaseState
    /// What the step does to the stage clocks, in the order to apply them.
    public var clockEffects: [StageClockEffectV1]
    /// The case after the step.
    public var snapshot: CaseSnapshotV1

    /// The data for a step `event` that produced `updated`, located at `placement`.
    /// Throws when `event` is an opening event (no step) or belongs to another case.
    public init(event: CaseEvent, case updated: Case, placement: CasePlacementV1) throws(ContractValidationError) {
        guard let action = event.action, let from = event.from, event.caseID == updated.id else {
            throw ContractValidationError(
                subject: "CaseStepV1", field: "action", code: .inconsistent,
                message: "event \(event.sequence) of case \(event.caseID) is an opening event or not of case \(updated.id)")
        }
        self.caseId = event.caseID
        self.sequence = event.sequence
        self.action = CaseActionV1(action)
        self.actor = CaseActorV1(event.actor)
        self.occurredAt = event.at
        self.from = from
        self.to = event.to
        self.clockEffects = event.clockEffects.map(StageClockEffectV1.init)
        self.snapshot = CaseSnapshotV1(case: updated, placement: placement)
    }

    /// The event type: `gridloop.case.<event name>.v1` of the action.
    public var type: String { ContractEventType.caseStep(action.kind) }

    /// The domain event this data describes.
    public func caseEvent() throws(ContractValidationError) -> CaseEvent {
        var effects: [StageClockEffect] = []
        for effect in clockEffects { effects.append(try effect.stageClockEffect()) }
        return CaseEvent(
            caseID: caseId, sequence: sequence, action: try action.caseAction(), actor: actor.caseActor, at: occurredAt,
            from: from, to: to, clockEffects: effects)
    }

    private enum CodingKeys: String, CodingKey {
        case caseId, sequence, action, actor, occurredAt, from, to, clockEffects, snapshot
    }
}
