/// A time limit (时限) or an extension: working time, working days, or natural (7×24) time.
///
/// - `working(minutes:)` counts only the calendar's working periods: 4 工作时 is `.working(minutes: 240)`.
/// - `workingDays(_:)` lands on the same working moment N working days later (see
///   `WorkingCalendar.addingWorkingDays(_:to:)`), e.g. 10:00 Friday + 1 工作日 = 10:00 Monday.
/// - `natural(minutes:)` counts every minute, for 7×24 categories (突发事件, hotline emergencies).
/// - `naturalSeconds(_:)` counts every second, for amounts that are not whole minutes: short limits
///   of test and drill policies (a red card within seconds). Whole minutes are written
///   `natural(minutes:)`; `natural(seconds:)` picks the right case.
public enum TimeLimit: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Working minutes.
    case working(minutes: Int)
    /// Whole working days.
    case workingDays(Int)
    /// Natural (wall-clock) minutes.
    case natural(minutes: Int)
    /// Natural (wall-clock) seconds that are not whole minutes (see `natural(seconds:)`).
    case naturalSeconds(Int)

    /// Working hours, e.g. `.workingHours(4)` for 4 工作时.
    public static func workingHours(_ hours: Int) -> TimeLimit { .working(minutes: hours * 60) }
    /// Natural hours, e.g. `.naturalHours(24)`.
    public static func naturalHours(_ hours: Int) -> TimeLimit { .natural(minutes: hours * 60) }
    /// Natural seconds: `.natural(minutes:)` when `seconds` is whole minutes, else `.naturalSeconds`.
    public static func natural(seconds: Int) -> TimeLimit {
        seconds % 60 == 0 ? .natural(minutes: seconds / 60) : .naturalSeconds(seconds)
    }

    /// Which clock the limit runs on.
    public var measure: ClockMeasure {
        switch self {
        case .working, .workingDays: .workingTime
        case .natural, .naturalSeconds: .naturalTime
        }
    }

    /// True when the amount is above zero.
    public var isPositive: Bool {
        switch self {
        case .working(let minutes), .natural(let minutes): minutes > 0
        case .naturalSeconds(let seconds): seconds > 0
        case .workingDays(let days): days > 0
        }
    }

    /// `4 工作时`, `90 工作分钟`, `5 工作日`, `24 小时(自然时间)`, `30 秒(自然时间)`.
    public var description: String {
        switch self {
        case .working(let minutes) where minutes % 60 == 0: "\(minutes / 60) 工作时"
        case .working(let minutes): "\(minutes) 工作分钟"
        case .workingDays(let days): "\(days) 工作日"
        case .natural(let minutes) where minutes % 60 == 0: "\(minutes / 60) 小时(自然时间)"
        case .natural(let minutes): "\(minutes) 分钟(自然时间)"
        case .naturalSeconds(let seconds): "\(seconds) 秒(自然时间)"
        }
    }
}

/// Which clock a limit or a `StageClock` runs on.
public enum ClockMeasure: String, Sendable, Hashable, Codable, CaseIterable {
    /// Only working periods of the working calendar count.
    case workingTime = "working"
    /// Every second counts (7×24).
    case naturalTime = "natural"
}
