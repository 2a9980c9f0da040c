/// Why a case was resolved as it was.
public struct ResponsibilityExplanation: Sendable, CustomStringConvertible {
    /// The case.
    public let query: ResponsibilityQuery
    /// The local time used for windows and dates, e.g. `2025-03-01 Sat 22:15 (UTC+08:00)`.
    public let localTime: String
    /// The decision (the same as the resolution's).
    public let decision: ResponsibilityDecision
    /// Every rule whose category and place cover the case, in precedence order, with its verdict.
    public let candidates: [RuleEvaluation]
    /// How many rules of the list do not cover the case's category or place.
    public let unrelatedRuleCount: Int

    /// The winning rule's evaluation, if a rule won.
    public var winner: RuleEvaluation? { candidates.first { $0.verdict == .won } }

    /// The evaluation of a rule by id.
    public func evaluation(of ruleID: String) -> RuleEvaluation? { candidates.first { $0.ruleID == ruleID } }

    /// A readable account, one rule per line.
    public var description: String {
        var lines = [
            "case \(query.category) in grid \(query.grid) at \(localTime)"
                + (query.attributes.isEmpty ? "" : " with " + query.attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")),
            "decision: \(decision)",
        ]
        if candidates.isEmpty {
            lines.append("no rule covers this category and place")
        } else {
            lines.append("rules covering this category and place, in precedence order:")
            lines += candidates.map { "  \($0)" }
        }
        lines.append("\(unrelatedRuleCount) other rule(s) cover other categories or places")
        return lines.joined(separator: "\n")
    }
}
