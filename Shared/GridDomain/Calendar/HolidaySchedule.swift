/// Public holidays and makeup workdays (调休上班) for one or more years, as published each year by
/// the State Council (国务院办公厅关于 YYYY 年部分节假日安排的通知).
///
/// A schedule *covers* the years it has entries for; the `WorkingCalendar` refuses to compute in
/// years no schedule covers (unless a fallback is configured), because guessing an ordinary year
/// around the Spring Festival would put deadlines in the middle of the holiday.
public struct HolidaySchedule: Sendable, Hashable {
    /// One line of a notice: a run of holidays or makeup workdays.
    public struct Entry: Sendable, Hashable, CustomStringConvertible {
        /// Holidays or makeup workdays.
        public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
            /// 放假: days off, including weekend days inside the run.
            case holiday
            /// 调休上班: weekend days that become workdays.
            case workday
        }

        /// The year of the notice this entry belongs to (a makeup day may fall in the year before).
        public let year: Int
        /// Holidays or makeup workdays.
        public let kind: Kind
        /// The first day.
        public let first: CivilDate
        /// The last day (equal to `first` for a single day).
        public let last: CivilDate
        /// The festival, e.g. `春节`.
        public let name: String
        /// Where the entry was read from (`cn-2025.csv:7`), for messages.
        public let source: String?

        /// Creates an entry; `last` must not be before `first`.
        public init(year: Int, kind: Kind, first: CivilDate, last: CivilDate? = nil, name: String, source: String? = nil) {
            self.year = year
            self.kind = kind
            self.first = first
            self.last = max(first, last ?? first)
            self.name = name
            self.source = source
        }

        /// Every date of the entry, in order.
        public var dates: [CivilDate] {
            (first.dayNumber...last.dayNumber).map(CivilDate.init(dayNumber:))
        }

        /// `2025 holiday 2025-01-28…2025-02-04 春节`.
        public var description: String {
            "\(year) \(kind.rawValue) \(first)" + (last == first ? "" : "…\(last)") + " \(name)"
        }
    }

    /// The entries, in the order given.
    public let entries: [Entry]
    /// The years covered.
    public let years: Set<Int>

    /// Creates a schedule; throws when two entries share a date.
    public init(entries: [Entry]) throws(CalendarError) {
        var seen: [CivilDate: Entry] = [:]
        for entry in entries {
            for date in entry.dates {
                if let other = seen[date] {
                    throw CalendarError(
                        code: .invalidData,
                        message: "\(date) is in two entries: \(other) (\(other.source ?? "?")) and \(entry) (\(entry.source ?? "?"))")
                }
                seen[date] = entry
            }
        }
        self.entries = entries
        self.years = Set(entries.map(\.year))
    }

    /// Combines schedules (e.g. one file per year); throws when a year appears in more than one or
    /// dates collide.
    public init(merging schedules: [HolidaySchedule]) throws(CalendarError) {
        var owner: [Int: HolidaySchedule] = [:]
        for schedule in schedules {
            for year in schedule.years {
                if let other = owner[year], other != schedule {
                    let sources = [other, schedule].compactMap { $0.entries.first { $0.year == year }?.source }
                    throw CalendarError(
                        code: .invalidData,
                        message: "the holidays of \(year) are given twice (\(sources.joined(separator: " and ")))")
                }
                owner[year] = schedule
            }
        }
        try self.init(entries: schedules.flatMap(\.entries))
    }
}
