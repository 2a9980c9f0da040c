/// What kind of day a date is in the working calendar.
public enum DayKind: Sendable, Hashable {
    /// An ordinary workday.
    case workday
    /// A weekend day.
    case weekend
    /// A public holiday (or a weekend day inside a holiday run), with the festival's name.
    case holiday(String)
    /// A weekend day that is a workday by the holiday schedule (调休上班), with the festival's name.
    case makeupWorkday(String)

    /// True for days with working hours.
    public var isWorkingDay: Bool {
        switch self {
        case .workday, .makeupWorkday: true
        case .weekend, .holiday: false
        }
    }
}
