import Foundation

/// One entry of a case's timeline: who did what, when, and how the state and clocks changed.
/// Services persist it, publish it and feed it to the SLA monitor and the assessment.
public struct CaseEvent: Sendable, Hashable, Codable {
    /// The case.
    public let caseID: CaseID
    /// The position in the case's timeline, from 1 (the opening event) without gaps.
    public let sequence: Int
    /// The step taken; `nil` for the event that opened the case.
    public let action: CaseAction?
    /// Who took it.
    public let actor: CaseActor
    /// When.
    public let at: Date
    /// The state before the step; `nil` for the opening event.
    public let from: CaseState?
    /// The state after the step.
    public let to: CaseState
    /// What the step does to the stage clocks.
    public let clockEffects: [StageClockEffect]

    /// Creates an event.
    public init(
        caseID: CaseID, sequence: Int, action: CaseAction?, actor: CaseActor, at: Date, from: CaseState?, to: CaseState,
        clockEffects: [StageClockEffect]
    ) {
        self.caseID = caseID
        self.sequence = sequence
        self.action = action
        self.actor = actor
        self.at = at
        self.from = from
        self.to = to
        self.clockEffects = clockEffects
    }

    /// True when the step changed the state (some steps, like an extension request, do not).
    public var changesState: Bool { from != to }
}
