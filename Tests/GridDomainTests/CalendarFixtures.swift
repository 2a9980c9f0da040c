import Foundation
import GridDomain
import TestSupport

/// Shared fixtures of the calendar and deadline tests: the shipped holiday schedules, fixed working
/// hours, and instants written as Asia/Shanghai wall-clock times.
enum CalendarFixtures {
    /// The shipped national schedules (2025 and 2026).
    static let schedule: HolidaySchedule = try! HolidaySchedule(directory: RepositoryFiles.deploy("calendar"))

    /// 08:30–12:00 and 13:30–17:30 all year.
    static let plainHours: WorkingHours = try! WorkingHours(
        csv: "start,end\n08:30,12:00\n13:30,17:30\n", file: "plain-hours.csv")

    /// The calendar most tests use: shipped schedules, plain hours, Asia/Shanghai, no fallback.
    static let calendar: WorkingCalendar = try! WorkingCalendar(schedule: schedule, hours: plainHours)

    /// The Asia/Shanghai Gregorian calendar used to write expected instants.
    static let shanghai: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        return calendar
    }()

    /// An instant from `"2025-01-27 15:00"` in Asia/Shanghai wall-clock time (seconds optional).
    static func at(_ text: String) -> Date {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == ":" }).map { Int($0)! }
        let components = DateComponents(
            year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4],
            second: parts.count > 5 ? parts[5] : 0)
        return shanghai.date(from: components)!
    }

    /// `"2025-01-27 15:00"` for an instant, for readable expectations.
    static func text(_ date: Date) -> String {
        let c = shanghai.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let base = String(format: "%04d-%02d-%02d %02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
        return c.second! == 0 ? base : base + String(format: ":%02d", c.second!)
    }

    /// Hours as a `Duration`.
    static func hours(_ value: Double) -> Duration { .seconds(Int64(value * 3600)) }
}
