import Foundation

extension WorkingCalendar {
    /// The moment a clock starts for something that arrives at `arrival`: `arrival` itself during a
    /// working period, otherwise the start of the next working period (a report at 12:30 starts at
    /// 13:30; one on Saturday or during the Spring Festival starts at 08:30 on the next working day).
    public func clockStart(for arrival: Date) throws(CalendarError) -> Date {
        Self.date(try nextWorkingInstant(from: Self.seconds(arrival)))
    }

    /// True when `instant` lies inside a working period (start included, end excluded).
    public func isWorkingTime(_ instant: Date) throws(CalendarError) -> Bool {
        let t = Self.seconds(instant)
        _ = try dayIndex(containing: t)
        let k = firstPeriod(endingAfter: t)
        return k < intervalStarts.count && intervalStarts[k] <= t
    }

    /// The working time between two instants: positive when `end` is later, negative when earlier.
    public func workingTime(from start: Date, to end: Date) throws(CalendarError) -> Duration {
        .seconds(try workedSeconds(before: Self.seconds(end)) - workedSeconds(before: Self.seconds(start)))
    }

    /// The earliest instant at which `amount` of working time has passed since `start` (whole seconds).
    /// A due time therefore always lies inside or at the end of a working period: 3.5 working hours from
    /// 08:30 is 12:00, not 13:30. Adding zero returns `start`.
    public func adding(workingTime amount: Duration, to start: Date) throws(CalendarError) -> Date {
        let seconds = amount.components.seconds
        guard seconds >= 0 else {
            throw CalendarError(code: .invalidArgument, message: "cannot add a negative working time (\(amount))")
        }
        guard seconds > 0 else { return start }
        let base = try workedSeconds(before: Self.seconds(start))
        return Self.date(try instant(afterWorked: base + seconds))
    }

    /// The same working moment `days` working days later: 10:00 on a Friday plus one working day is
    /// 10:00 on the next working day (Monday, or a makeup Saturday). The clock first moves to
    /// `clockStart(for:)`; when that is the start of a working day the result is the end of the
    /// `days`-th working day (08:30 Monday + 1 = 17:30 Monday). When the target day's working hours are
    /// shorter (another season), the result is that day's end. Adding zero returns `start`.
    public func addingWorkingDays(_ days: Int, to start: Date) throws(CalendarError) -> Date {
        guard days >= 0 else {
            throw CalendarError(code: .invalidArgument, message: "cannot add a negative number of working days (\(days))")
        }
        guard days > 0 else { return start }
        let begin = try nextWorkingInstant(from: Self.seconds(start))
        let day = try dayIndex(containing: begin)
        let offset = try workedSeconds(before: begin) - workedBeforeDay[day]
        let ordinal = workingDaysBefore[day] + days
        guard ordinal < workingDayIndices.count else {
            throw outsideCoverage(Self.date(begin), detail: "\(days) working days later")
        }
        let target = workingDayIndices[ordinal]
        let length = workedBeforeDay[target + 1] - workedBeforeDay[target]
        return Self.date(try instant(afterWorked: workedBeforeDay[target] + min(offset, length)))
    }

    /// What kind of day a date is.
    public func dayKind(of date: CivilDate) throws(CalendarError) -> DayKind {
        dayKinds[try dayIndex(of: date)]
    }

    /// True when the date has working hours (a workday or a makeup workday).
    public func isWorkingDay(_ date: CivilDate) throws(CalendarError) -> Bool {
        try dayKind(of: date).isWorkingDay
    }

    /// The local date an instant falls on, in the calendar's time zone.
    public func civilDate(of instant: Date) throws(CalendarError) -> CivilDate {
        CivilDate(dayNumber: firstDayNumber + (try dayIndex(containing: Self.seconds(instant))))
    }

    /// The working periods of a date as instants (empty on days off).
    public func workingPeriods(on date: CivilDate) throws(CalendarError) -> [Range<Date>] {
        let day = try dayIndex(of: date)
        return (periodOffsets[day]..<periodOffsets[day + 1]).map {
            Self.date(intervalStarts[$0])..<Self.date(intervalEnds[$0])
        }
    }

    // MARK: - Seconds-level primitives

    /// Working seconds from the start of the tables to `t`.
    func workedSeconds(before t: Int64) throws(CalendarError) -> Int64 {
        let day = try dayIndex(containing: t)
        var worked = workedBeforeDay[day]
        for k in periodOffsets[day]..<periodOffsets[day + 1] {
            let start = intervalStarts[k], end = intervalEnds[k]
            if t >= end {
                worked += end - start
            } else {
                if t > start { worked += t - start }
                break
            }
        }
        return worked
    }

    /// The earliest instant at which `worked` working seconds have passed since the start of the tables.
    func instant(afterWorked worked: Int64) throws(CalendarError) -> Int64 {
        guard worked > 0 else { return dayStarts[0] }
        guard worked <= workedBeforeDay[workedBeforeDay.count - 1] else {
            throw CalendarError(
                code: .outsideCoverage,
                message: "the deadline falls after the end of \(supportedYears.upperBound); \(Self.coverageAdvice(supportedYears.upperBound + 1))")
        }
        // The day d with workedBeforeDay[d] < worked <= workedBeforeDay[d + 1].
        var low = 0, high = dayKinds.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if workedBeforeDay[mid] < worked { low = mid } else { high = mid - 1 }
        }
        var remaining = worked - workedBeforeDay[low]
        for k in periodOffsets[low]..<periodOffsets[low + 1] {
            let length = intervalEnds[k] - intervalStarts[k]
            if remaining <= length { return intervalStarts[k] + remaining }
            remaining -= length
        }
        return intervalEnds[periodOffsets[low + 1] - 1]  // unreachable: the day holds `worked`
    }

    /// The first working instant at or after `t`.
    func nextWorkingInstant(from t: Int64) throws(CalendarError) -> Int64 {
        _ = try dayIndex(containing: t)
        let k = firstPeriod(endingAfter: t)
        guard k < intervalStarts.count else {
            throw CalendarError(
                code: .outsideCoverage,
                message: "no working time left after \(Self.date(t)) before the end of \(supportedYears.upperBound); \(Self.coverageAdvice(supportedYears.upperBound + 1))")
        }
        return max(intervalStarts[k], t)
    }

    /// The index of the first working period whose end is after `t` (`intervalEnds.count` if none).
    func firstPeriod(endingAfter t: Int64) -> Int {
        var low = 0, high = intervalEnds.count
        while low < high {
            let mid = (low + high) / 2
            if intervalEnds[mid] > t { high = mid } else { low = mid + 1 }
        }
        return low
    }

    /// The index of the day containing `t`.
    func dayIndex(containing t: Int64) throws(CalendarError) -> Int {
        guard t >= dayStarts[0], t < dayStarts[dayStarts.count - 1] else {
            throw outsideCoverage(Self.date(t), detail: nil)
        }
        var low = 0, high = dayStarts.count - 2
        while low < high {
            let mid = (low + high + 1) / 2
            if dayStarts[mid] <= t { low = mid } else { high = mid - 1 }
        }
        return low
    }

    func dayIndex(of date: CivilDate) throws(CalendarError) -> Int {
        let index = date.dayNumber - firstDayNumber
        guard index >= 0, index < dayKinds.count else {
            throw CalendarError(
                code: .outsideCoverage,
                message: "\(date) is outside the working calendar (\(supportedYears.lowerBound)–\(supportedYears.upperBound)); \(Self.coverageAdvice(date.year))")
        }
        return index
    }

    func outsideCoverage(_ instant: Date, detail: String?) -> CalendarError {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        let year = parts.year ?? 0
        let shown = CivilDate(year: year, month: parts.month ?? 1, day: parts.day ?? 1).map(\.description) ?? "\(instant)"
        let what = detail.map { "\($0) than \(shown)" } ?? shown
        let advice = Self.coverageAdvice(year < supportedYears.lowerBound ? year : max(year, supportedYears.upperBound + 1))
        return CalendarError(
            code: .outsideCoverage,
            message: "\(what) is outside the working calendar (\(supportedYears.lowerBound)–\(supportedYears.upperBound)); \(advice)")
    }

    static func coverageAdvice(_ year: Int) -> String {
        "load the State Council's holiday schedule for \(year) (deploy/calendar/) or configure an explicit fallback"
    }

    static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }

    static func date(_ seconds: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }
}
