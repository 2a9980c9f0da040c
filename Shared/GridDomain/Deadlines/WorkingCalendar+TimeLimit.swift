import Foundation

extension WorkingCalendar {
    /// When a limit started at `start` runs out: working limits start at `clockStart(for:)` and count
    /// working time (or working days); natural limits count every minute from `start`.
    public func deadline(for limit: TimeLimit, from start: Date) throws(CalendarError) -> Date {
        switch limit {
        case .working(let minutes):
            try adding(workingTime: .seconds(Int64(minutes) * 60), to: clockStart(for: start))
        case .workingDays(let days):
            try addingWorkingDays(days, to: start)
        case .natural(let minutes):
            start.addingTimeInterval(TimeInterval(minutes) * 60)
        case .naturalSeconds(let seconds):
            start.addingTimeInterval(TimeInterval(seconds))
        }
    }

    /// The time between two instants on a clock: working time or natural time.
    public func elapsed(_ measure: ClockMeasure, from start: Date, to end: Date) throws(CalendarError) -> Duration {
        .seconds(try position(measure, at: Self.seconds(end)) - position(measure, at: Self.seconds(start)))
    }

    /// A point on a clock: working seconds since the start of the tables, or Unix seconds.
    func position(_ measure: ClockMeasure, at t: Int64) throws(CalendarError) -> Int64 {
        switch measure {
        case .workingTime: try workedSeconds(before: t)
        case .naturalTime: t
        }
    }

    /// The earliest instant at a point on a clock.
    func instant(_ measure: ClockMeasure, atPosition position: Int64) throws(CalendarError) -> Int64 {
        switch measure {
        case .workingTime: try instant(afterWorked: position)
        case .naturalTime: position
        }
    }

    /// A limit as seconds on its clock, counted from `start` (working days become the working time
    /// between `start` and the same working moment that many working days later).
    func clockSeconds(of limit: TimeLimit, from start: Int64) throws(CalendarError) -> Int64 {
        switch limit {
        case .working(let minutes), .natural(let minutes):
            return Int64(minutes) * 60
        case .naturalSeconds(let seconds):
            return Int64(seconds)
        case .workingDays(let days):
            let end = try addingWorkingDays(days, to: Self.date(start))
            return try workedSeconds(before: Self.seconds(end)) - workedSeconds(before: start)
        }
    }
}
