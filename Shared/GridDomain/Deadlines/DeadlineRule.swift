/// One row of a deadline policy: for a category scope, a stage and an area class (or all), the limit,
/// the yellow-card threshold and where a red card is escalated.
public struct DeadlineRule: Sendable, Hashable, CustomStringConvertible {
    /// The categories the rule applies to.
    public let category: CategoryScope
    /// The stage timed.
    public let stage: CaseStage
    /// The area class the rule applies to, or `nil` for all.
    public let areaClass: AreaClass?
    /// The limit (时限).
    public let limit: TimeLimit
    /// The yellow-card threshold as a fraction of the limit, strictly between 0 and 1 (e.g. 0.8).
    public let yellowFraction: Double
    /// Where a breach is escalated.
    public let escalation: EscalationTarget
    /// A remark, e.g. the manual the value comes from.
    public let note: String?
    /// The line of the policy file the rule was read from, when read from a file.
    public let line: Int?

    /// Creates a rule.
    public init(
        category: CategoryScope, stage: CaseStage, areaClass: AreaClass? = nil, limit: TimeLimit, yellowFraction: Double,
        escalation: EscalationTarget = .supervisingLevel, note: String? = nil, line: Int? = nil
    ) {
        self.category = category
        self.stage = stage
        self.areaClass = areaClass
        self.limit = limit
        self.yellowFraction = yellowFraction
        self.escalation = escalation
        self.note = note
        self.line = line
    }

    /// `E0102 dispose @core: 4 工作时, yellow at 80%, escalate to supervising`.
    public var description: String {
        "\(category) \(stage.rawValue) @\(areaClass?.rawValue ?? "*"): \(limit), yellow at \(Int((yellowFraction * 100).rounded()))%, escalate to \(escalation)"
    }

    /// The key that must be unique in a policy.
    var key: DeadlinePolicy.Key { DeadlinePolicy.Key(category: category, stage: stage, areaClass: areaClass) }
}
