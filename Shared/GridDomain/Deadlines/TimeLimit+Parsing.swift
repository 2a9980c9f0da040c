/// A unit a time limit can be written in, as used in policy files and APIs.
public enum TimeLimitUnit: String, Sendable, Hashable, Codable, CaseIterable {
    /// 工作分钟.
    case workingMinutes = "working_minutes"
    /// 工作时.
    case workingHours = "working_hours"
    /// 工作日 (whole days only).
    case workingDays = "working_days"
    /// Natural minutes.
    case naturalMinutes = "natural_minutes"
    /// Natural hours.
    case naturalHours = "natural_hours"
    /// Natural days of 24 hours.
    case naturalDays = "natural_days"
    /// Natural seconds, for short limits of test and drill policies.
    case naturalSeconds = "natural_seconds"
}

/// A value of a deadline policy (a time-limit amount or unit, an escalation target) that cannot be read.
public struct DeadlineValueError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, e.g. `"'2.25' working_hours is not a whole number of minutes"`.
    public let message: String

    /// Creates an error with a message.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}

extension TimeLimit {
    /// Reads an amount and a unit as written in a policy file: `"4"` + `working_hours`,
    /// `"0.5"` + `working_hours` (30 working minutes), `"5"` + `working_days`, `"24"` + `natural_hours`,
    /// `"30"` + `natural_seconds`.
    ///
    /// The amount is a positive decimal number that must come to whole minutes (whole days for
    /// `working_days`, whole seconds for `natural_seconds`, whose whole minutes become `natural(minutes:)`).
    public init(amount: String, unit: String) throws(DeadlineValueError) {
        guard let parsedUnit = TimeLimitUnit(rawValue: unit) else {
            throw DeadlineValueError(
                "unknown unit '\(unit)'; use one of \(TimeLimitUnit.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let basePerUnit: Int
        switch parsedUnit {
        case .workingMinutes, .naturalMinutes: basePerUnit = 1
        case .workingHours, .naturalHours: basePerUnit = 60
        case .naturalDays: basePerUnit = 1440
        case .workingDays, .naturalSeconds: basePerUnit = 1
        }
        guard let hundredths = Self.parseHundredths(amount), hundredths > 0 else {
            throw DeadlineValueError("'\(amount)' is not a positive number (use digits and at most two decimals, e.g. 4 or 0.5)")
        }
        let scaled = hundredths * basePerUnit
        guard scaled % 100 == 0 else {
            let what =
                switch parsedUnit {
                case .workingDays: "a whole number of working days"
                case .naturalSeconds: "a whole number of seconds"
                default: "a whole number of minutes"
                }
            throw DeadlineValueError("'\(amount)' \(unit) is not \(what)")
        }
        let value = scaled / 100
        switch parsedUnit {
        case .workingMinutes, .workingHours: self = .working(minutes: value)
        case .workingDays: self = .workingDays(value)
        case .naturalMinutes, .naturalHours, .naturalDays: self = .natural(minutes: value)
        case .naturalSeconds: self = .natural(seconds: value)
        }
    }

    /// A decimal with at most two fraction digits, in hundredths; `nil` when malformed or too large.
    private static func parseHundredths(_ text: String) -> Int? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.count <= 7,
            whole.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let wholeValue = Int(whole)
        else { return nil }
        var fraction = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard (1...2).contains(digits.count), digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int(digits) else {
                return nil
            }
            fraction = digits.count == 1 ? value * 10 : value
        }
        return wholeValue * 100 + fraction
    }
}
