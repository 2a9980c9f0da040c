/// What a lifecycle step does to the stage clocks (时限计时), so the SLA monitor can keep its
/// `StageClock`s in step with the case without re-deriving the rules.
///
/// Effects are listed in the order to apply them; stopping a clock that is not running is a no-op.
public enum StageClockEffect: Sendable, Hashable, Codable {
    /// Start (or restart) the stage's clock at the event time.
    case start(CaseStage)
    /// Stop the stage's clock: the stage is done.
    case stop(CaseStage)
    /// Stop every running clock: the case left the timed loop (closed, void, not filed, escalated…).
    case stopAll
    /// Pause the stage's clock (parking).
    case pause(CaseStage)
    /// Resume a paused clock.
    case resume(CaseStage)
    /// Move the stage's deadline by an approved extension.
    case extend(CaseStage, by: TimeLimit)
}
