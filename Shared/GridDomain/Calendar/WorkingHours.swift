/// The working periods of a working day (作息时间), e.g. 08:30–12:00 and 13:30–17:30, with optional
/// seasons that replace them for part of the year (e.g. summer hours 夏季作息 06-01…09-30).
///
/// A city's hours are configuration: load them with `WorkingHours(csv:file:)` from the city's
/// `working-hours.csv`. Which days are working days is the `WorkingCalendar`'s business (weekends,
/// holidays, makeup workdays); every working day uses these periods.
public struct WorkingHours: Sendable, Hashable {
    /// One working period, `start` inclusive to `end` exclusive, within one day.
    public struct Interval: Sendable, Hashable, Comparable, CustomStringConvertible {
        /// When the period starts.
        public let start: TimeOfDay
        /// When it ends (after `start`; `24:00` allowed).
        public let end: TimeOfDay

        /// A period, or `nil` unless `start < end`.
        public init?(start: TimeOfDay, end: TimeOfDay) {
            guard start < end else { return nil }
            self.start = start
            self.end = end
        }

        /// The length in minutes.
        public var minutes: Int { end.minutes - start.minutes }

        /// `08:30–12:00`.
        public var description: String { "\(start)–\(end)" }

        /// Ordered by start.
        public static func < (lhs: Interval, rhs: Interval) -> Bool { (lhs.start, lhs.end) < (rhs.start, rhs.end) }
    }

    /// Hours that apply between two month-days of every year (both included; a season may run over
    /// the new year, e.g. 11-15…03-15).
    public struct Season: Sendable, Hashable, CustomStringConvertible {
        /// The first day of the season.
        public let from: MonthDay
        /// The last day of the season.
        public let to: MonthDay
        /// The working periods in the season, in order.
        public let intervals: [Interval]

        /// Creates a season; the periods are sorted and must not overlap.
        public init(from: MonthDay, to: MonthDay, intervals: [Interval]) throws(CalendarError) {
            self.from = from
            self.to = to
            self.intervals = try WorkingHours.checked(intervals, context: "season \(from)…\(to)")
        }

        /// True when the date lies in the season.
        public func contains(_ date: CivilDate) -> Bool {
            let day = MonthDay(date)
            return from <= to ? (from <= day && day <= to) : (day >= from || day <= to)
        }

        /// `06-01…09-30`.
        public var description: String { "\(from)…\(to)" }
    }

    /// The periods of a working day outside every season, in order.
    public let standard: [Interval]
    /// Seasons with their own periods; they must not overlap.
    public let seasons: [Season]

    /// Creates working hours; throws when periods overlap, a set is empty or seasons overlap.
    public init(standard: [Interval], seasons: [Season] = []) throws(CalendarError) {
        self.standard = try Self.checked(standard, context: "the standard working hours")
        for (i, a) in seasons.enumerated() {
            for b in seasons[(i + 1)...] {
                if let day = Self.firstSharedDay(a, b) {
                    throw CalendarError(code: .invalidData, message: "seasons \(a) and \(b) overlap (both contain \(day))")
                }
            }
        }
        self.seasons = seasons
    }

    /// The working periods that apply on a date.
    public func intervals(on date: CivilDate) -> [Interval] {
        for season in seasons where season.contains(date) { return season.intervals }
        return standard
    }

    static func checked(_ intervals: [Interval], context: String) throws(CalendarError) -> [Interval] {
        guard !intervals.isEmpty else {
            throw CalendarError(code: .invalidData, message: "\(context) have no working period")
        }
        let sorted = intervals.sorted()
        for (a, b) in zip(sorted, sorted.dropFirst()) where b.start < a.end {
            throw CalendarError(code: .invalidData, message: "in \(context), \(a) and \(b) overlap")
        }
        return sorted
    }

    private static func firstSharedDay(_ a: Season, _ b: Season) -> MonthDay? {
        var date = CivilDate(year: 2000, month: 1, day: 1)!  // a leap year, so 02-29 is included
        for _ in 0..<366 {
            if a.contains(date) && b.contains(date) { return MonthDay(date) }
            date = date.adding(days: 1)
        }
        return nil
    }
}
