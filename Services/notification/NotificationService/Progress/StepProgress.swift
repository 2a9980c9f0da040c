public import GridDomain

/// What one lifecycle event (an opening event or a step) tells about its case's progress: its
/// sequence, the state after it, and the stages whose clock run it ended.
public struct StepProgress: Sendable, Hashable {
    /// The case.
    public var caseId: CaseID
    /// The event's sequence in the case's timeline.
    public var sequence: Int
    /// The state after the event (`CaseState` raw value).
    public var state: String
    /// The stages whose current clock run the event ended: stopped (`stop`, `stop_all`) or restarted
    /// (`start`: a new run begins, so a card of the previous one is stale).
    public var endedStages: Set<CaseStage>

    /// Creates a record from its parts.
    public init(caseId: CaseID, sequence: Int, state: String, endedStages: Set<CaseStage>) {
        self.caseId = caseId
        self.sequence = sequence
        self.state = state
        self.endedStages = endedStages
    }

    /// The record of an event with the given clock effects.
    public init(caseId: CaseID, sequence: Int, state: String, effects: [StageClockEffectV1]) {
        var ended: Set<CaseStage> = []
        for effect in effects {
            switch effect {
            case .start(let stage), .stop(let stage): ended.insert(stage)
            case .stopAll: ended.formUnion(CaseStage.allCases)
            case .pause, .resume, .extend: break
            }
        }
        self.init(caseId: caseId, sequence: sequence, state: state, endedStages: ended)
    }

    /// The record of a step.
    public init(_ step: CaseStepV1) {
        self.init(caseId: step.caseId, sequence: step.sequence, state: step.to.rawValue, effects: step.clockEffects)
    }

    /// The record of an opening event.
    public init(_ opened: CaseReportedV1) {
        self.init(caseId: opened.caseId, sequence: opened.sequence, state: opened.snapshot.state.rawValue, effects: opened.clockEffects)
    }
}
