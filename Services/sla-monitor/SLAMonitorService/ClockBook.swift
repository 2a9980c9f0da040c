import Foundation
import GridDomain

/// Applies lifecycle events to a case's stage clocks: starts clocks with the deadline policy's rule for
/// the case's category, stage and area class, and stops, pauses, resumes and extends them, in the order
/// the event lists its clock effects, at the event's time.
///
/// Events at or below the case's last applied sequence are stale (redelivered or replayed) and change
/// nothing. A missing sequence (a gap) is applied anyway and reported: the effects carry everything
/// the clocks need, and waiting would hold up the case's partition. Effects that do not fit the
/// clocks (pausing a clock that is not running, which only happens after a gap) are skipped and
/// reported. Deadlines the working calendar cannot compute fail the event (``ClockUpdateError``).
public struct ClockBook: Sendable {
    /// What applying one event did.
    public struct Outcome: Sendable, Hashable {
        /// False when the event was stale and changed nothing.
        public var applied: Bool
        /// True when the event skipped one or more sequences of the case.
        public var followsGap: Bool
        /// Effects that did not fit the clocks and were skipped, in words.
        public var skippedEffects: [String]

        /// A stale event.
        public static let stale = Outcome(applied: false, followsGap: false, skippedEffects: [])
    }

    /// The city's policy, calendar and units.
    public let reference: DeadlineReference

    /// Creates a book over the city's reference data.
    public init(reference: DeadlineReference) {
        self.reference = reference
    }

    /// Applies `event` to `clocks` (the state of the same case).
    /// - Throws: ``ClockUpdateError`` when a deadline cannot be computed; `clocks` may then be partly
    ///   changed and must be discarded.
    public func apply(_ event: LifecycleInput, to clocks: inout CaseClocks) throws(ClockUpdateError) -> Outcome {
        guard event.sequence > clocks.lastSequence else { return .stale }
        var outcome = Outcome(applied: true, followsGap: event.sequence > clocks.lastSequence + 1, skippedEffects: [])
        let time = event.occurredAt
        for effect in event.effects {
            switch effect {
            case .start(let stage):
                if let running = clocks.active(stage) {
                    try change(running, in: &clocks, effect: effect, outcome: &outcome) { clock throws(StageClockError) in
                        try clock.stop(at: time)
                    }
                }
                try start(stage, at: time, snapshot: event.snapshot, in: &clocks)
            case .stop(let stage):
                guard let running = clocks.active(stage) else { continue }  // stopping a stopped clock is a no-op
                try change(running, in: &clocks, effect: effect, outcome: &outcome) { clock throws(StageClockError) in
                    try clock.stop(at: time)
                }
            case .stopAll:
                for running in clocks.activeRuns {
                    try change(running, in: &clocks, effect: effect, outcome: &outcome) { clock throws(StageClockError) in
                        try clock.stop(at: time)
                    }
                }
            case .pause(let stage):
                guard let running = clocks.active(stage) else {
                    outcome.skippedEffects.append("pause \(stage.rawValue): no \(stage.rawValue) clock is running")
                    continue
                }
                try change(running, in: &clocks, effect: effect, outcome: &outcome) { clock throws(StageClockError) in
                    try clock.pause(at: time)
                }
            case .resume(let stage):
                guard let paused = clocks.active(stage) else {
                    outcome.skippedEffects.append("resume \(stage.rawValue): no \(stage.rawValue) clock is paused")
                    continue
                }
                try change(paused, in: &clocks, effect: effect, outcome: &outcome) { clock throws(StageClockError) in
                    try clock.resume(at: time)
                }
            case .extend(let stage, let amount):
                guard let running = clocks.active(stage) else {
                    outcome.skippedEffects.append("extend \(stage.rawValue) by \(amount): no \(stage.rawValue) clock is running")
                    continue
                }
                let calendar = reference.calendar
                let fitted: TimeLimit
                do {
                    fitted = try Self.extension(amount, fittedTo: running.clock, at: time, calendar: calendar)
                } catch {
                    throw Self.calendarFailure(error, event: event, stage: stage)
                }
                try change(running, in: &clocks, effect: effect, outcome: &outcome) { clock throws(StageClockError) in
                    try clock.extend(by: fitted, at: time, calendar: calendar)
                }
            }
        }
        clocks.advance(to: event.sequence, snapshot: event.snapshot)
        return outcome
    }

    /// Starts a new run of `stage` with the policy's rule for the case.
    private func start(_ stage: CaseStage, at time: Date, snapshot: CaseSnapshotV1, in clocks: inout CaseClocks) throws(ClockUpdateError) {
        let rule = reference.rule(for: stage, snapshot: snapshot)
        let calendar = reference.calendar
        try clocks.addRun(stage: stage) { key throws(ClockUpdateError) in
            let clock: StageClock
            do throws(CalendarError) {
                clock = try StageClock(rule: rule, startedAt: time, calendar: calendar)
                _ = try ClockTimes(of: clock, calendar: calendar)  // the due time must be computable now, not at the first card
            } catch {
                throw ClockUpdateError(
                    code: .calendar,
                    message: "case \(key.caseID): cannot start the \(stage.rawValue) clock at \(time) with \(rule.limit): \(error.message)\(Self.coverageAdvice(error))")
            }
            return TrackedClock(key: key, clock: clock, escalation: rule.escalation, rule: rule.description)
        }
    }

    /// Runs one clock operation; calendar failures fail the event, other refusals skip the effect.
    private func change(
        _ run: TrackedClock, in clocks: inout CaseClocks, effect: StageClockEffect, outcome: inout Outcome,
        _ operation: (inout StageClock) throws(StageClockError) -> Void
    ) throws(ClockUpdateError) {
        var updated = run
        do {
            try operation(&updated.clock)
            _ = try ClockTimes(of: updated.clock, calendar: reference.calendar)
        } catch let error as StageClockError {
            if let calendarError = error.calendarError {
                throw ClockUpdateError(
                    code: .calendar,
                    message: "case \(run.key.caseID): \(effect) of the \(run.key.stage.rawValue) clock: \(calendarError.message)\(Self.coverageAdvice(calendarError))")
            }
            outcome.skippedEffects.append("\(effect): \(error.message)")
            return
        } catch let error as CalendarError {
            throw ClockUpdateError(
                code: .calendar,
                message: "case \(run.key.caseID): \(effect) of the \(run.key.stage.rawValue) clock: \(error.message)\(Self.coverageAdvice(error))")
        } catch {
            throw ClockUpdateError(code: .invalidEvent, message: "case \(run.key.caseID): \(effect): \(error)")
        }
        clocks.update(updated)
    }

    private static func calendarFailure(_ error: CalendarError, event: LifecycleInput, stage: CaseStage) -> ClockUpdateError {
        ClockUpdateError(
            code: .calendar,
            message: "case \(event.caseID): extending the \(stage.rawValue) clock: \(error.message)\(coverageAdvice(error))")
    }

    /// What to do about a calendar that does not reach far enough.
    static func coverageAdvice(_ error: CalendarError) -> String {
        error.code == .outsideCoverage
            ? " (load the State Council's holiday schedule for that year into the calendar directory, or set SLA_CALENDAR_ASSUMED_YEARS)"
            : ""
    }
}
