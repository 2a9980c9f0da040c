/// A time limit or extension in the contracts: a whole positive amount and a unit,
/// `{"amount": 4, "unit": "working_hours"}`.
///
/// Units: `working_minutes`, `working_hours`, `working_days`, `natural_minutes`, `natural_hours`,
/// `natural_days`, `natural_seconds` (see `TimeLimitUnit`). Writers use hours (or days) when the amount
/// is whole hours (or days), minutes otherwise, and seconds only for natural limits that are not whole
/// minutes (short test and drill policies).
public struct TimeLimitV1: Sendable, Hashable, Codable {
    /// The amount, a whole number ≥ 1 in `unit`.
    public var amount: Int
    /// The unit.
    public var unit: TimeLimitUnit

    /// Creates a limit.
    public init(amount: Int, unit: TimeLimitUnit) {
        self.amount = amount
        self.unit = unit
    }

    /// The contract form of a domain limit.
    public init(_ limit: TimeLimit) {
        switch limit {
        case .working(let minutes) where minutes % 60 == 0 && minutes != 0:
            self.init(amount: minutes / 60, unit: .workingHours)
        case .working(let minutes):
            self.init(amount: minutes, unit: .workingMinutes)
        case .workingDays(let days):
            self.init(amount: days, unit: .workingDays)
        case .natural(let minutes) where minutes % 1440 == 0 && minutes != 0:
            self.init(amount: minutes / 1440, unit: .naturalDays)
        case .natural(let minutes) where minutes % 60 == 0 && minutes != 0:
            self.init(amount: minutes / 60, unit: .naturalHours)
        case .natural(let minutes):
            self.init(amount: minutes, unit: .naturalMinutes)
        case .naturalSeconds(let seconds) where seconds % 60 == 0 && seconds != 0:
            self.init(.natural(minutes: seconds / 60))
        case .naturalSeconds(let seconds):
            self.init(amount: seconds, unit: .naturalSeconds)
        }
    }

    /// The domain limit. Throws when the amount overflows when converted to minutes.
    public func timeLimit(field: String = "amount") throws(ContractValidationError) -> TimeLimit {
        let factor: Int =
            switch unit {
            case .workingMinutes, .naturalMinutes, .workingDays, .naturalSeconds: 1
            case .workingHours, .naturalHours: 60
            case .naturalDays: 1440
            }
        let (value, overflow) = amount.multipliedReportingOverflow(by: factor)
        guard !overflow else {
            throw ContractValidationError(
                subject: "time limit", field: field, code: .outOfRange, message: "\(amount) \(unit.rawValue) is too large")
        }
        return switch unit {
        case .workingMinutes, .workingHours: .working(minutes: value)
        case .workingDays: .workingDays(value)
        case .naturalMinutes, .naturalHours, .naturalDays: .natural(minutes: value)
        case .naturalSeconds: .natural(seconds: value)
        }
    }

    private enum CodingKeys: String, CodingKey { case amount, unit }
}
