import Foundation

/// The business calendar deadlines are computed on: working periods per day, weekends, and the
/// State Council's holidays and makeup workdays, in the city's time zone (Asia/Shanghai by default).
///
/// Built once from a `HolidaySchedule` and `WorkingHours`, it precomputes every day's working periods
/// as absolute instants plus running totals, so the SLA monitor's per-event questions ("due at",
/// "elapsed", "remaining") cost a binary search and no `Calendar` calls. Arithmetic is in whole seconds.
///
/// Years no schedule covers are refused with `CalendarError.Code.outsideCoverage` by default. A city
/// may opt into `UncoveredYears.assumeOrdinaryWeeks(years:)`, which treats that many years before and
/// after the covered ones as weeks without holidays: an explicit, documented guess that keeps the SLA
/// monitor running when next year's notice has not been loaded yet; `isAssumed(year:)` tells which
/// years are guessed so services can warn.
public struct WorkingCalendar: Sendable {
    /// What to do with years no holiday schedule covers.
    public enum UncoveredYears: Sendable, Hashable {
        /// Throw `outsideCoverage` for any date in such a year (the default).
        case reject
        /// Treat up to `years` years before and after the covered range as ordinary weeks (weekends off,
        /// no holidays, no makeup days).
        case assumeOrdinaryWeeks(years: Int)
    }

    /// The city's calendar settings.
    public struct Configuration: Sendable, Hashable {
        /// The IANA time zone of working hours and dates. Default: `"Asia/Shanghai"`.
        public var timeZoneIdentifier: String
        /// The days off in an ordinary week. Default: Saturday and Sunday.
        public var weekend: Set<Weekday>
        /// What to do with years no schedule covers. Default: `.reject`.
        public var uncoveredYears: UncoveredYears

        /// Creates a configuration; every parameter has the documented default.
        public init(
            timeZoneIdentifier: String = "Asia/Shanghai",
            weekend: Set<Weekday> = [.saturday, .sunday],
            uncoveredYears: UncoveredYears = .reject
        ) {
            self.timeZoneIdentifier = timeZoneIdentifier
            self.weekend = weekend
            self.uncoveredYears = uncoveredYears
        }
    }

    /// The settings in force.
    public let configuration: Configuration
    /// The time zone of working hours and dates.
    public let timeZone: TimeZone
    /// The years the holiday schedules cover.
    public let coveredYears: ClosedRange<Int>
    /// The years the calendar answers for: the covered years plus any assumed ones.
    public let supportedYears: ClosedRange<Int>

    /// The day number (`CivilDate.dayNumber`) of the first day in the tables.
    let firstDayNumber: Int
    /// Local midnight of each day as Unix seconds, plus one more for the end of the last day.
    let dayStarts: [Int64]
    /// Each day's kind.
    let dayKinds: [DayKind]
    /// For day `i`, its working periods are `intervalStarts/Ends[periodOffsets[i]..<periodOffsets[i + 1]]`.
    let periodOffsets: [Int]
    /// Start of every working period, as Unix seconds, in time order.
    let intervalStarts: [Int64]
    /// End of every working period, as Unix seconds, in time order.
    let intervalEnds: [Int64]
    /// Working seconds from the start of the tables to the start of each day (one more entry at the end).
    let workedBeforeDay: [Int64]
    /// The indices of days with working time, in order.
    let workingDayIndices: [Int]
    /// For each day, how many days with working time come before it (one more entry at the end).
    let workingDaysBefore: [Int]

    /// Builds the calendar. Throws `invalidData` when the time zone is unknown, the schedules leave a
    /// gap between covered years, or a makeup workday falls on a day that is already a workday.
    public init(schedule: HolidaySchedule, hours: WorkingHours, configuration: Configuration = Configuration())
        throws(CalendarError)
    {
        guard let timeZone = TimeZone(identifier: configuration.timeZoneIdentifier) else {
            throw CalendarError(code: .invalidData, message: "unknown time zone '\(configuration.timeZoneIdentifier)'")
        }
        guard let firstYear = schedule.years.min(), let lastYear = schedule.years.max() else {
            throw CalendarError(code: .invalidData, message: "the holiday schedule covers no year")
        }
        if let missing = (firstYear...lastYear).first(where: { !schedule.years.contains($0) }) {
            throw CalendarError(
                code: .invalidData,
                message: "the holiday schedules cover \(firstYear)–\(lastYear) except \(missing); load that year's schedule")
        }
        var assumed = 0
        if case .assumeOrdinaryWeeks(let years) = configuration.uncoveredYears {
            guard years >= 0 else {
                throw CalendarError(code: .invalidData, message: "the number of assumed years cannot be negative")
            }
            assumed = years
        }
        self.configuration = configuration
        self.timeZone = timeZone
        self.coveredYears = firstYear...lastYear
        self.supportedYears = (firstYear - assumed)...(lastYear + assumed)

        let overrides = try Self.overrides(from: schedule, weekend: configuration.weekend)
        var tables = Tables()
        try tables.build(
            years: supportedYears, overrides: overrides, hours: hours, weekend: configuration.weekend, timeZone: timeZone)
        self.firstDayNumber = tables.firstDayNumber
        self.dayStarts = tables.dayStarts
        self.dayKinds = tables.dayKinds
        self.periodOffsets = tables.periodOffsets
        self.intervalStarts = tables.intervalStarts
        self.intervalEnds = tables.intervalEnds
        self.workedBeforeDay = tables.workedBeforeDay
        self.workingDayIndices = tables.workingDayIndices
        self.workingDaysBefore = tables.workingDaysBefore
    }

    /// True when the year is answered for by the `assumeOrdinaryWeeks` fallback rather than by data.
    public func isAssumed(year: Int) -> Bool {
        supportedYears.contains(year) && !coveredYears.contains(year)
    }

    private static func overrides(from schedule: HolidaySchedule, weekend: Set<Weekday>) throws(CalendarError)
        -> [CivilDate: DayKind]
    {
        var overrides: [CivilDate: DayKind] = [:]
        for entry in schedule.entries {
            for date in entry.dates {
                switch entry.kind {
                case .holiday:
                    overrides[date] = .holiday(entry.name)
                case .workday:
                    guard weekend.contains(date.weekday) else {
                        throw CalendarError(
                            code: .invalidData,
                            message: "\(date) (\(date.weekday.chineseName)) is listed as a makeup workday but is already a workday (\(entry.source ?? entry.description))")
                    }
                    overrides[date] = .makeupWorkday(entry.name)
                }
            }
        }
        return overrides
    }
}
