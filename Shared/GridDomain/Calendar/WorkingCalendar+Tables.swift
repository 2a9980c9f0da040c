import Foundation

extension WorkingCalendar {
    /// The precomputed per-day tables, built once.
    struct Tables {
        var firstDayNumber = 0
        var dayStarts: [Int64] = []
        var dayKinds: [DayKind] = []
        var periodOffsets: [Int] = [0]
        var intervalStarts: [Int64] = []
        var intervalEnds: [Int64] = []
        var workedBeforeDay: [Int64] = [0]
        var workingDayIndices: [Int] = []
        var workingDaysBefore: [Int] = [0]

        mutating func build(
            years: ClosedRange<Int>, overrides: [CivilDate: DayKind], hours: WorkingHours, weekend: Set<Weekday>,
            timeZone: TimeZone
        ) throws(CalendarError) {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            guard let first = CivilDate(year: years.lowerBound, month: 1, day: 1),
                let end = CivilDate(year: years.upperBound + 1, month: 1, day: 1)
            else {
                throw CalendarError(code: .invalidData, message: "years \(years) are out of range")
            }
            firstDayNumber = first.dayNumber
            let dayCount = end.dayNumber - first.dayNumber
            dayStarts.reserveCapacity(dayCount + 1)
            dayKinds.reserveCapacity(dayCount)
            var nextMidnight = try Self.instant(of: first, minutes: 0, calendar: calendar)
            for index in 0..<dayCount {
                let date = CivilDate(dayNumber: first.dayNumber + index)
                let midnight = nextMidnight
                nextMidnight = try Self.instant(of: date.adding(days: 1), minutes: 0, calendar: calendar)
                dayStarts.append(midnight)
                let kind = overrides[date] ?? (weekend.contains(date.weekday) ? .weekend : .workday)
                dayKinds.append(kind)
                var worked: Int64 = 0
                if kind.isWorkingDay {
                    // Without a clock change that day, wall-clock minutes map linearly onto the day.
                    let regularDay = nextMidnight - midnight == 86_400
                    for interval in hours.intervals(on: date) {
                        let start = regularDay
                            ? midnight + Int64(interval.start.minutes) * 60
                            : try Self.instant(of: date, minutes: interval.start.minutes, calendar: calendar)
                        let stop = regularDay
                            ? midnight + Int64(interval.end.minutes) * 60
                            : try Self.instant(of: date, minutes: interval.end.minutes, calendar: calendar)
                        guard stop > start else { continue }
                        intervalStarts.append(start)
                        intervalEnds.append(stop)
                        worked += stop - start
                    }
                }
                periodOffsets.append(intervalStarts.count)
                workedBeforeDay.append(workedBeforeDay[index] + worked)
                if worked > 0 { workingDayIndices.append(index) }
                workingDaysBefore.append(workingDayIndices.count)
            }
            dayStarts.append(nextMidnight)
        }

        /// The instant of a local wall-clock time, as Unix seconds.
        private static func instant(of date: CivilDate, minutes: Int, calendar: Calendar) throws(CalendarError) -> Int64 {
            var components = DateComponents(year: date.year, month: date.month, day: date.day, hour: 0, minute: 0)
            if minutes == 1440 {
                let next = date.adding(days: 1)
                components = DateComponents(year: next.year, month: next.month, day: next.day, hour: 0, minute: 0)
            } else {
                components.hour = minutes / 60
                components.minute = minutes % 60
            }
            guard let instant = calendar.date(from: components) else {
                throw CalendarError(code: .invalidData, message: "cannot place \(date) \(minutes / 60):\(minutes % 60) in \(calendar.timeZone.identifier)")
            }
            return Int64(instant.timeIntervalSince1970.rounded(.down))
        }
    }
}
