import Foundation

extension StageClock {
    /// The time counted so far at `now` (up to the stop, without pauses), on the clock's measure.
    public func elapsed(at now: Date, calendar: WorkingCalendar) throws(CalendarError) -> Duration {
        .seconds(try elapsedSeconds(at: WorkingCalendar.seconds(now), calendar: calendar))
    }

    /// The time left at `now`; negative once overdue.
    public func remaining(at now: Date, calendar: WorkingCalendar) throws(CalendarError) -> Duration {
        .seconds(totalSeconds - (try elapsedSeconds(at: WorkingCalendar.seconds(now), calendar: calendar)))
    }

    /// When the total limit runs out if nothing else changes; `nil` while paused (the due time is
    /// unknown until the clock resumes, unless the limit ran out before the pause).
    public func dueAt(calendar: WorkingCalendar) throws(CalendarError) -> Date? {
        try instant(whenElapsed: totalSeconds, calendar: calendar)
    }

    /// When the yellow threshold is reached if nothing else changes; `nil` while paused (as `dueAt`).
    public func yellowAt(calendar: WorkingCalendar) throws(CalendarError) -> Date? {
        try instant(whenElapsed: yellowSeconds, calendar: calendar)
    }

    /// The card at `now`: red once the elapsed time exceeds the total limit (finishing exactly at the
    /// due time is on time), yellow once it reaches the yellow threshold. A stopped clock keeps the card
    /// it had when it stopped.
    public func card(at now: Date, calendar: WorkingCalendar) throws(CalendarError) -> DeadlineCard {
        let elapsed = try elapsedSeconds(at: WorkingCalendar.seconds(now), calendar: calendar)
        if elapsed > totalSeconds { return .red }
        if elapsed >= yellowSeconds { return .yellow }
        return .none
    }

    /// True when the stage finished (or is still running) past its total limit at `now`; the same as a red card.
    public func isOverdue(at now: Date, calendar: WorkingCalendar) throws(CalendarError) -> Bool {
        try elapsedSeconds(at: WorkingCalendar.seconds(now), calendar: calendar) > totalSeconds
    }

    /// The yellow threshold in seconds (rounded up).
    var yellowSeconds: Int64 { Int64((Double(totalSeconds) * yellowFraction).rounded(.up)) }

    func elapsedSeconds(at now: Int64, calendar: WorkingCalendar) throws(CalendarError) -> Int64 {
        let start = WorkingCalendar.seconds(startedAt)
        var end = now
        if let stoppedAt { end = min(end, WorkingCalendar.seconds(stoppedAt)) }
        guard end > start else { return 0 }
        var elapsed = try calendar.position(measure, at: end) - calendar.position(measure, at: start)
        for pause in pauses {
            let from = WorkingCalendar.seconds(pause.from)
            guard from < end else { break }
            let to = min(pause.to.map(WorkingCalendar.seconds) ?? end, end)
            elapsed -= try calendar.position(measure, at: to) - calendar.position(measure, at: from)
        }
        return elapsed
    }

    /// The earliest instant at which `target` seconds have elapsed, skipping pauses; `nil` when that
    /// falls in an open pause.
    func instant(whenElapsed target: Int64, calendar: WorkingCalendar) throws(CalendarError) -> Date? {
        var cursor = try calendar.position(measure, at: WorkingCalendar.seconds(startedAt))
        var needed = target
        for pause in pauses {
            let segment = try calendar.position(measure, at: WorkingCalendar.seconds(pause.from)) - cursor
            if needed <= segment { break }
            needed -= segment
            guard let to = pause.to else { return nil }
            cursor = try calendar.position(measure, at: WorkingCalendar.seconds(to))
        }
        if needed <= 0 {
            return startedAt
        }
        return WorkingCalendar.date(try calendar.instant(measure, atPosition: cursor + needed))
    }
}
