/// A versioned 权责清单: the rules that decide which unit handles a case.
///
/// Decisions record the version they were made with, so a re-dispatch or an audit can tell which
/// list applied.
public struct ResponsibilityList: Sendable, Hashable {
    /// The list's version, e.g. `2025.1` or a date of adoption.
    public let version: String
    /// The rules, in file order.
    public let rules: [ResponsibilityRule]

    /// Creates a list.
    public init(version: String, rules: [ResponsibilityRule]) {
        self.version = version
        self.rules = rules
    }

    /// The days on which the set of effective rules changes (a rule starts, or the day after one
    /// ends), in order.
    public var changeDates: [EffectiveDate] {
        var days = Set<Int>()
        for rule in rules {
            if let from = rule.validFrom { days.insert(from.dayNumber) }
            if let through = rule.validThrough { days.insert(through.dayNumber + 1) }
        }
        return days.sorted().map(EffectiveDate.init(dayNumber:))
    }
}
