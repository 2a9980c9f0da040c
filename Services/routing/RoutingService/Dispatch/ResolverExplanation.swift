public import GridDomain

/// The 权责清单 resolver's account of one decision, as stored JSON (with an assignment or a queue
/// entry) and as answered by `GET /v1/cases/{id}/assignment`: what was asked, what was decided, and
/// the verdict on every rule that covers the case's category and place.
public struct ResolverExplanation: Sendable, Hashable, Codable {
    /// What the decision was.
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// A rule named the lead unit.
        case assigned
        /// No rule applies, or every applicable rule's unit was excluded.
        case noResponsibleUnit = "no_responsible_unit"
        /// Equally ranked rules name different units (职能交叉).
        case conflict
    }

    /// One rule's part in the decision.
    public struct Rule: Sendable, Hashable, Codable {
        /// The rule's id.
        public var ruleId: String
        /// The rule's line in the list file, when known.
        public var line: Int?
        /// Its specificity, e.g. `小类/street/+1`.
        public var specificity: String
        /// Its priority.
        public var priority: Int
        /// Its lead, as written (`C-WATER`, `@street:环卫`).
        public var lead: String
        /// The verdict's code: `won`, `tied_with_winner`, `tied_in_conflict`, `less_specific_category`,
        /// `less_specific_place`, `fewer_conditions`, `lower_priority`, `lead_excluded`,
        /// `lead_unresolved`, `not_yet_effective`, `expired`, `outside_window`, `attribute_mismatch`.
        public var verdict: String
        /// The verdict in words.
        public var detail: String

        private enum CodingKeys: String, CodingKey { case ruleId, line, specificity, priority, lead, verdict, detail }
    }

    /// The case's category.
    public var category: CategoryCode
    /// The case's grid.
    public var grid: PlaceCode
    /// The attributes rules could test.
    public var attributes: [String: String]
    /// The local time the decision was made for, e.g. `2025-03-01 Sat 22:15 (UTC+08:00)`.
    public var localTime: String
    /// Units left out because they returned the case.
    public var excluded: [UnitID]
    /// The list version consulted.
    public var listVersion: String
    /// The outcome.
    public var outcome: Outcome
    /// Why no unit is responsible (`no_matching_rule`, `all_matching_units_excluded`, `unknown_grid`,
    /// `unknown_category`), for that outcome.
    public var noUnitReason: String?
    /// The winning rule.
    public var ruleId: String?
    /// The lead unit decided.
    public var lead: UnitID?
    /// The co-units decided.
    public var coUnits: [UnitID]
    /// The tier that handles the case first.
    public var tier: GovernanceLevel?
    /// The escalation chain, nearest first.
    public var escalation: [UnitID]
    /// The tied rules of a conflict and their lead units.
    public var tiedRules: [String]
    /// The lead units of the tied rules, in the same order.
    public var tiedLeads: [UnitID]
    /// Every rule covering the category and place, in precedence order.
    public var rules: [Rule]
    /// How many rules cover other categories or places.
    public var unrelatedRuleCount: Int

    private enum CodingKeys: String, CodingKey {
        case category, grid, attributes, localTime, excluded, listVersion, outcome, noUnitReason, ruleId, lead, coUnits
        case tier, escalation, tiedRules, tiedLeads, rules, unrelatedRuleCount
    }
}

extension ResolverExplanation {
    /// The stored form of the resolver's explanation.
    public init(_ explanation: ResponsibilityExplanation, excluded: [UnitID], listVersion: String) {
        self.category = explanation.query.category
        self.grid = explanation.query.grid
        self.attributes = explanation.query.attributes
        self.localTime = explanation.localTime
        self.excluded = excluded
        self.listVersion = listVersion
        self.noUnitReason = nil
        self.ruleId = nil
        self.lead = nil
        self.coUnits = []
        self.tier = nil
        self.escalation = []
        self.tiedRules = []
        self.tiedLeads = []
        switch explanation.decision {
        case .assigned(let assignment):
            self.outcome = .assigned
            self.ruleId = assignment.ruleID
            self.lead = assignment.lead
            self.coUnits = assignment.coUnits
            self.tier = assignment.tier
            self.escalation = assignment.escalation
        case .noResponsibleUnit(let none):
            self.outcome = .noResponsibleUnit
            self.noUnitReason = none.reason.rawValue
        case .conflict(let tie):
            self.outcome = .conflict
            self.tiedRules = tie.ruleIDs
            self.tiedLeads = tie.leads
        }
        self.rules = explanation.candidates.map { evaluation in
            Rule(
                ruleId: evaluation.ruleID, line: evaluation.line, specificity: evaluation.specificity.description,
                priority: evaluation.priority, lead: evaluation.lead.description, verdict: evaluation.verdict.code,
                detail: evaluation.verdict.description)
        }
        self.unrelatedRuleCount = explanation.unrelatedRuleCount
    }
}

extension RuleVerdict {
    /// A stable snake_case code for the verdict.
    var code: String {
        switch self {
        case .won: "won"
        case .tiedWithWinner: "tied_with_winner"
        case .tiedInConflict: "tied_in_conflict"
        case .lessSpecificCategory: "less_specific_category"
        case .lessSpecificPlace: "less_specific_place"
        case .fewerConditions: "fewer_conditions"
        case .lowerPriority: "lower_priority"
        case .leadExcluded: "lead_excluded"
        case .leadUnresolved: "lead_unresolved"
        case .notYetEffective: "not_yet_effective"
        case .expired: "expired"
        case .outsideWindow: "outside_window"
        case .attributeMismatch: "attribute_mismatch"
        }
    }
}
