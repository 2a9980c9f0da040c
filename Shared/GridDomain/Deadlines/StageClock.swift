import Foundation

/// The clock of one timed stage of one case (e.g. the disposal of case 42): when it started, its
/// limit, extensions, pauses for parking, and when it stopped. It answers "elapsed", "remaining",
/// "due at", "yellow at" and which card (黄牌/红牌) the stage has earned.
///
/// A clock runs on working time or natural time (`measure`, from its limit). A working-time clock
/// that starts outside working hours starts counting at the next working period. Limits and
/// extensions in working days are turned into working seconds when set (from the start, or from the
/// due time in force for an extension), so pauses and fractions work the same for every unit.
///
/// The clock is a value: the SLA monitor stores it and applies `StageClockEffect`s from case events;
/// every query takes the same `WorkingCalendar` it was created with.
public struct StageClock: Sendable, Hashable, Codable {
    /// A pause (parking, 挂账): the clock does not run from `from` until `to` (open while paused).
    public struct Pause: Sendable, Hashable, Codable {
        /// When the pause began.
        public let from: Date
        /// When the clock resumed, or `nil` while paused.
        public internal(set) var to: Date?
    }

    /// An approved extension (延期).
    public struct Extension: Sendable, Hashable, Codable {
        /// The amount granted.
        public let granted: TimeLimit
        /// The amount in seconds on the clock's measure.
        public let seconds: Int64
        /// When it was granted.
        public let at: Date
    }

    /// The stage timed.
    public let stage: CaseStage
    /// Working or natural time.
    public let measure: ClockMeasure
    /// When the stage began (the event time; a working clock counts from the next working period).
    public let startedAt: Date
    /// The limit as configured.
    public let limit: TimeLimit
    /// The limit in seconds on the clock's measure.
    public let limitSeconds: Int64
    /// The yellow-card threshold as a fraction of the total limit (e.g. 0.8).
    public let yellowFraction: Double
    /// Approved extensions, in order.
    public private(set) var extensions: [Extension] = []
    /// Pauses, in order; the last may be open.
    public private(set) var pauses: [Pause] = []
    /// When the stage ended, or `nil` while it runs.
    public private(set) var stoppedAt: Date?

    /// Starts a clock at `startedAt` with a limit and a yellow threshold (clamped to 0…1).
    public init(stage: CaseStage, limit: TimeLimit, yellowFraction: Double, startedAt: Date, calendar: WorkingCalendar)
        throws(CalendarError)
    {
        self.stage = stage
        self.measure = limit.measure
        self.startedAt = startedAt
        self.limit = limit
        self.limitSeconds = try calendar.clockSeconds(of: limit, from: WorkingCalendar.seconds(startedAt))
        self.yellowFraction = min(1, max(0, yellowFraction))
        if measure == .workingTime {
            _ = try calendar.clockStart(for: startedAt)  // refuse a start outside the calendar now, not later
        }
    }

    /// Starts a clock for a policy rule.
    public init(rule: DeadlineRule, startedAt: Date, calendar: WorkingCalendar) throws(CalendarError) {
        try self.init(stage: rule.stage, limit: rule.limit, yellowFraction: rule.yellowFraction, startedAt: startedAt, calendar: calendar)
    }

    /// True while a pause is open.
    public var isPaused: Bool { pauses.last.map { $0.to == nil } ?? false }

    /// True once stopped.
    public var isStopped: Bool { stoppedAt != nil }

    /// The limit plus all extensions, in seconds on the clock's measure.
    public var totalSeconds: Int64 { limitSeconds + extensions.reduce(0) { $0 + $1.seconds } }

    /// The limit plus all extensions.
    public var total: Duration { .seconds(totalSeconds) }

    /// The time of the clock's last change (start, pause, resume, extension).
    var lastChange: Date {
        var last = startedAt
        if let pause = pauses.last { last = max(last, pause.to ?? pause.from) }
        if let granted = extensions.last { last = max(last, granted.at) }
        return last
    }

    /// Pauses the clock (a parked case).
    public mutating func pause(at time: Date) throws(StageClockError) {
        try checkChange(at: time)
        guard !isPaused else { throw StageClockError(code: .alreadyPaused, message: "the \(stage.rawValue) clock is already paused") }
        pauses.append(Pause(from: time, to: nil))
    }

    /// Resumes a paused clock.
    public mutating func resume(at time: Date) throws(StageClockError) {
        try checkChange(at: time)
        guard isPaused else { throw StageClockError(code: .notPaused, message: "the \(stage.rawValue) clock is not paused") }
        pauses[pauses.count - 1].to = time
    }

    /// Adds an approved extension. An extension in working days is measured from the due time in
    /// force (or from `time` while paused): 2 working days moves 10:00 Friday's deadline to 10:00 Tuesday.
    public mutating func extend(by amount: TimeLimit, at time: Date, calendar: WorkingCalendar) throws(StageClockError) {
        try checkChange(at: time)
        guard amount.measure == measure else {
            throw StageClockError(
                code: .measureMismatch,
                message: "the \(stage.rawValue) clock runs on \(measure.rawValue) time; an extension of \(amount) does not fit")
        }
        do {
            let from = try dueAt(calendar: calendar) ?? time
            let seconds = try calendar.clockSeconds(of: amount, from: WorkingCalendar.seconds(from))
            extensions.append(Extension(granted: amount, seconds: seconds, at: time))
        } catch {
            throw StageClockError(code: .calendar, message: error.message, calendarError: error)
        }
    }

    /// Stops the clock: the stage is done. An open pause ends at the same time.
    public mutating func stop(at time: Date) throws(StageClockError) {
        try checkChange(at: time)
        if isPaused { pauses[pauses.count - 1].to = time }
        stoppedAt = time
    }

    private func checkChange(at time: Date) throws(StageClockError) {
        guard stoppedAt == nil else {
            throw StageClockError(code: .stopped, message: "the \(stage.rawValue) clock was stopped at \(stoppedAt!)")
        }
        guard time >= lastChange else {
            throw StageClockError(
                code: .outOfOrder, message: "\(time) is before the \(stage.rawValue) clock's last change at \(lastChange)")
        }
    }
}
