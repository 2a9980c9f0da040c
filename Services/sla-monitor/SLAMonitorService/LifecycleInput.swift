public import Foundation
public import GridDomain

/// What the monitor takes from a lifecycle event (`gridloop.case.reported.v1` or a step): the case,
/// its sequence and time, the clock effects in order, and the case after the event.
public struct LifecycleInput: Sendable, Hashable {
    /// The case.
    public let caseID: CaseID
    /// The event's position in the case's timeline (1 for the opening event).
    public let sequence: Int
    /// The CloudEvents type, for logs.
    public let type: String
    /// When the step happened; the effects apply at this time.
    public let occurredAt: Date
    /// The clock effects, in the order to apply.
    public let effects: [StageClockEffect]
    /// The case after the event.
    public let snapshot: CaseSnapshotV1

    /// Creates an input.
    public init(
        caseID: CaseID, sequence: Int, type: String, occurredAt: Date, effects: [StageClockEffect], snapshot: CaseSnapshotV1
    ) {
        self.caseID = caseID
        self.sequence = sequence
        self.type = type
        self.occurredAt = occurredAt
        self.effects = effects
        self.snapshot = snapshot
    }

    /// The input of an opening event.
    public init(_ reported: CaseReportedV1) throws(ContractValidationError) {
        self.init(
            caseID: reported.caseId, sequence: reported.sequence, type: CaseReportedV1.type, occurredAt: reported.occurredAt,
            effects: try Self.effects(reported.clockEffects), snapshot: reported.snapshot)
    }

    /// The input of a step.
    public init(_ step: CaseStepV1) throws(ContractValidationError) {
        self.init(
            caseID: step.caseId, sequence: step.sequence, type: step.type, occurredAt: step.occurredAt,
            effects: try Self.effects(step.clockEffects), snapshot: step.snapshot)
    }

    /// Decodes the data of a lifecycle-topic event: an input for the opening event and steps, `nil`
    /// for what is not a step (cards, manual-dispatch notices) and for types this reader does not know.
    /// - Throws: `ContractValidationError` when the data do not fit the type.
    public static func decode(type: String, data: Data) throws(ContractValidationError) -> LifecycleInput? {
        switch try LifecycleTopicEventV1.decode(type: type, data: data) {
        case .reported(let reported): try LifecycleInput(reported)
        case .step(let step): try LifecycleInput(step)
        case .yellowCard, .redCard, .manualDispatchRequired, .unknown: nil
        }
    }

    private static func effects(_ effects: [StageClockEffectV1]) throws(ContractValidationError) -> [StageClockEffect] {
        var converted: [StageClockEffect] = []
        converted.reserveCapacity(effects.count)
        for effect in effects { converted.append(try effect.stageClockEffect()) }
        return converted
    }
}
