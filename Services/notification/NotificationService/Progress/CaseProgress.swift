public import GridDomain

/// Where a case stands as far as the notification service has seen its lifecycle: the last step, the
/// state after it, and for each stage the sequence of the last step that ended a run of the stage's
/// clock (stopped it, or restarted it). Values only grow, so applying steps in any order, or twice,
/// gives the same result.
public struct CaseProgress: Sendable, Hashable {
    /// The sequence of the last step seen (0 when none).
    public var lastSequence: Int
    /// The state after that step (the contract's `CaseState` raw value, kept as text so that a newer
    /// state never stops the consumer).
    public var state: String
    /// Per stage, the sequence of the last step that stopped or restarted its clock.
    public var stageEnds: [CaseStage: Int]

    /// Creates a progress record; the defaults describe a case nothing is known of.
    public init(lastSequence: Int = 0, state: String = "", stageEnds: [CaseStage: Int] = [:]) {
        self.lastSequence = lastSequence
        self.state = state
        self.stageEnds = stageEnds
    }

    /// Takes one lifecycle event into account.
    public mutating func apply(_ step: StepProgress) {
        if step.sequence >= lastSequence {
            lastSequence = step.sequence
            state = step.state
        }
        for stage in step.endedStages {
            stageEnds[stage] = max(stageEnds[stage] ?? 0, step.sequence)
        }
    }

    /// The sequence of the step that ended the run of `stage` a card issued as of `asOfSequence`
    /// belongs to, or `nil` while that run may still be going on (as far as this service has seen).
    ///
    /// sla-monitor issues a card only for a running clock, as of the last step it applied, so the
    /// card's run started at or before `asOfSequence`; a stop or restart of the stage after it ended
    /// that run.
    public func end(of stage: CaseStage, after asOfSequence: Int) -> Int? {
        guard let ended = stageEnds[stage], ended > asOfSequence else { return nil }
        return ended
    }
}
