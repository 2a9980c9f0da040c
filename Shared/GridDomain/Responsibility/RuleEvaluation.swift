/// One rule's part in a resolution.
public struct RuleEvaluation: Sendable, Hashable, CustomStringConvertible {
    /// The rule's id.
    public let ruleID: String
    /// The rule's source line, when known.
    public let line: Int?
    /// The rule's specificity.
    public let specificity: RuleSpecificity
    /// The rule's priority.
    public let priority: Int
    /// The rule's lead, as written.
    public let lead: UnitReference
    /// What became of it.
    public let verdict: RuleVerdict

    /// Creates an evaluation.
    public init(ruleID: String, line: Int?, specificity: RuleSpecificity, priority: Int, lead: UnitReference, verdict: RuleVerdict) {
        self.ruleID = ruleID
        self.line = line
        self.specificity = specificity
        self.priority = priority
        self.lead = lead
        self.verdict = verdict
    }

    /// A readable form for messages and logs.
    public var description: String {
        "\(ruleID)\(line.map { " (line \($0))" } ?? "") [\(specificity), priority \(priority)] lead \(lead): \(verdict)"
    }
}
