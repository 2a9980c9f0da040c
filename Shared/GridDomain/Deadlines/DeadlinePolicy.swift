import Foundation

/// The deadline policy (时限标准): limits per category × stage × area class, with yellow-card
/// thresholds and escalation targets, resolved by specificity.
///
/// Resolution for a case of category `c` in area class `a` at stage `s` takes the first rule found in
/// this order: category scope from the most specific (小类, 大类, kind, all), and within each scope
/// the area class `a` before all areas. A 小类 rule therefore beats a 大类 rule even when the 大类 rule
/// names the area class: the more precise statement about the problem wins, and a city wanting
/// area-specific 小类 limits writes 小类 rows per area class.
///
/// A policy must give every stage a default (category `*`, area `*`), so every case gets a deadline
/// for every stage; construction checks it.
public struct DeadlinePolicy: Sendable {
    /// The unique key of a rule.
    struct Key: Hashable {
        let category: CategoryScope
        let stage: CaseStage
        let areaClass: AreaClass?
    }

    /// The rules, in the order given.
    public let rules: [DeadlineRule]
    private let index: [Key: DeadlineRule]

    /// Creates a policy; `file` names the source in errors. Throws when two rules share a key (category,
    /// stage, area class), a yellow threshold is not strictly between 0 and 1, or a stage lacks a default.
    public init(rules: [DeadlineRule], file: String = "deadline policy") throws(DataFileError) {
        var index: [Key: DeadlineRule] = [:]
        for rule in rules {
            guard rule.yellowFraction > 0, rule.yellowFraction < 1 else {
                throw DataFileError(
                    file: file, line: rule.line, message: "the yellow threshold of \(rule) must lie strictly between 0 and 1")
            }
            guard rule.limit.isPositive else {
                throw DataFileError(file: file, line: rule.line, message: "the limit of \(rule) must be positive")
            }
            if let other = index[rule.key] {
                let place = other.line.map { " (line \($0))" } ?? ""
                throw DataFileError(
                    file: file, line: rule.line,
                    message: "a second rule for category \(rule.category), stage \(rule.stage.rawValue), area \(rule.areaClass?.rawValue ?? "*"); the first is \(other)\(place)")
            }
            index[rule.key] = rule
        }
        let missing = CaseStage.allCases.filter { index[Key(category: .all, stage: $0, areaClass: nil)] == nil }
        if !missing.isEmpty {
            throw DataFileError(
                file: file, line: nil,
                message: "no default rule (category *, area *) for stage(s) \(missing.map { "\($0.rawValue) (\($0.chineseName))" }.joined(separator: ", ")); every stage needs one so every case gets a deadline")
        }
        self.rules = rules
        self.index = index
    }

    /// The rule for a case of `category` (or none yet) in `areaClass` (or unknown) at `stage`.
    /// Always finds one: every stage has a default.
    public func rule(for category: CategoryCode?, stage: CaseStage, areaClass: AreaClass?) -> DeadlineRule {
        for scope in CategoryScope.scopes(containing: category) {
            if let areaClass, let rule = index[Key(category: scope, stage: stage, areaClass: areaClass)] { return rule }
            if let rule = index[Key(category: scope, stage: stage, areaClass: nil)] { return rule }
        }
        // The initializer guarantees a default for every stage.
        return index[Key(category: .all, stage: stage, areaClass: nil)]!
    }

    /// Starts the clock of a stage for a case, by the rule that applies.
    public func startClock(
        stage: CaseStage, category: CategoryCode?, areaClass: AreaClass?, at time: Date, calendar: WorkingCalendar
    ) throws(CalendarError) -> StageClock {
        try StageClock(rule: rule(for: category, stage: stage, areaClass: areaClass), startedAt: time, calendar: calendar)
    }
}
