public import Foundation
public import GridDomain

/// One run of one stage clock of one case, as the monitor keeps it: the domain `StageClock` plus the
/// rule that set it and the cards issued for it.
///
/// A stage that starts again (re-dispatch, rework) gets a new run; each run earns at most one yellow
/// and one red card.
public struct TrackedClock: Sendable, Hashable {
    /// Identifies a run: case, stage and run number (from 1).
    public struct Key: Sendable, Hashable {
        /// The case.
        public let caseID: CaseID
        /// The stage.
        public let stage: CaseStage
        /// The run number, from 1.
        public let run: Int

        /// Creates a key.
        public init(caseID: CaseID, stage: CaseStage, run: Int) {
            self.caseID = caseID
            self.stage = stage
            self.run = run
        }
    }

    /// The run.
    public let key: Key
    /// The clock: start, limit, pauses, extensions, stop.
    public var clock: StageClock
    /// Where a red card goes, from the rule.
    public let escalation: EscalationTarget
    /// The rule that set the limit, e.g. `E04 sign_for @*: 30 分钟(自然时间), yellow at 50%, escalate to level:district`.
    public let rule: String
    /// When the yellow card was issued, if it was.
    public var yellowIssuedAt: Date?
    /// When the red card was issued, if it was.
    public var redIssuedAt: Date?

    /// Creates a run.
    public init(
        key: Key, clock: StageClock, escalation: EscalationTarget, rule: String, yellowIssuedAt: Date? = nil, redIssuedAt: Date? = nil
    ) {
        self.key = key
        self.clock = clock
        self.escalation = escalation
        self.rule = rule
        self.yellowIssuedAt = yellowIssuedAt
        self.redIssuedAt = redIssuedAt
    }

    /// Running, paused or stopped.
    public var status: ClockStatus {
        if clock.isStopped { return .stopped }
        return clock.isPaused ? .paused : .running
    }

    /// True unless stopped.
    public var isActive: Bool { !clock.isStopped }
}

/// The instants a clock's cards fall due, computed on the working calendar.
public struct ClockTimes: Sendable, Hashable {
    /// When the yellow threshold is reached; `nil` while paused.
    public let yellowAt: Date?
    /// When the limit (with extensions) runs out; `nil` while paused.
    public let dueAt: Date?
    /// When a red card is earned: the second after `dueAt` (finishing at the due time is on time).
    public var redAt: Date? { dueAt?.addingTimeInterval(1) }

    /// The times of `clock`.
    public init(of clock: StageClock, calendar: WorkingCalendar) throws(CalendarError) {
        yellowAt = try clock.yellowAt(calendar: calendar)
        dueAt = try clock.dueAt(calendar: calendar)
    }

    /// Times from stored values.
    public init(yellowAt: Date?, dueAt: Date?) {
        self.yellowAt = yellowAt
        self.dueAt = dueAt
    }
}
