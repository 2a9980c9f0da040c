/// The outcome of resolving a case against the 权责清单: a unit, or a typed reason why there is none —
/// never a guess.
public enum ResponsibilityDecision: Sendable, Hashable, CustomStringConvertible {
    /// A rule decided: dispatch to its lead unit.
    case assigned(ResponsibilityAssignment)
    /// No rule applies (or every applicable rule's unit was excluded); dispatch must be done by hand.
    case noResponsibleUnit(NoResponsibleUnit)
    /// Equally specific rules of equal priority send the case to different units (职能交叉); dispatch
    /// must be done by hand and the list fixed.
    case conflict(RuleTie)

    /// The assignment, when a rule decided.
    public var assignment: ResponsibilityAssignment? {
        if case .assigned(let assignment) = self { return assignment }
        return nil
    }

    public var description: String {
        switch self {
        case .assigned(let assignment): "assigned: \(assignment)"
        case .noResponsibleUnit(let none): "no responsible unit: \(none)"
        case .conflict(let tie): "conflict: \(tie)"
        }
    }
}

/// Where a case goes: the lead unit, co-units, handling tier and escalation chain, and the rule and
/// list version that decided it.
public struct ResponsibilityAssignment: Sendable, Hashable, CustomStringConvertible {
    /// The id of the winning rule.
    public let ruleID: String
    /// The version of the list the rule belongs to.
    public let listVersion: String
    /// The lead unit (主办).
    public let lead: UnitID
    /// Co-units (协办), without the lead, excluded units, or references that name no unit here.
    public let coUnits: [UnitID]
    /// The tier that handles the case first.
    public let tier: GovernanceLevel
    /// Units to escalate to, upward, nearest first (references that name no unit here are left out).
    public let escalation: [UnitID]

    /// Creates an assignment.
    public init(ruleID: String, listVersion: String, lead: UnitID, coUnits: [UnitID], tier: GovernanceLevel, escalation: [UnitID]) {
        self.ruleID = ruleID
        self.listVersion = listVersion
        self.lead = lead
        self.coUnits = coUnits
        self.tier = tier
        self.escalation = escalation
    }

    public var description: String {
        var text = "\(lead) at the \(tier.rawValue) tier by rule \(ruleID) (list \(listVersion))"
        if !coUnits.isEmpty { text += ", with \(coUnits.map(\.rawValue).joined(separator: ", "))" }
        if !escalation.isEmpty { text += ", escalating to \(escalation.map(\.rawValue).joined(separator: " > "))" }
        return text
    }
}

/// Why no unit is responsible for a case.
public struct NoResponsibleUnit: Sendable, Hashable, CustomStringConvertible {
    /// The reason. Extensible: new reasons may be added.
    public struct Reason: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The grid is not one of the city's unit grids.
        public static let unknownGrid = Reason(rawValue: "unknown_grid")
        /// The category is not in the catalog.
        public static let unknownCategory = Reason(rawValue: "unknown_category")
        /// No rule covers this category here at this time (a gap, 管理真空).
        public static let noMatchingRule = Reason(rawValue: "no_matching_rule")
        /// Rules apply, but every one of their lead units was excluded (e.g. they all returned the case).
        public static let allMatchingUnitsExcluded = Reason(rawValue: "all_matching_units_excluded")
    }

    /// Why there is no unit.
    public let reason: Reason
    /// The case's category.
    public let category: CategoryCode
    /// The case's grid.
    public let grid: PlaceCode
    /// The list version consulted.
    public let listVersion: String

    /// Creates the result.
    public init(reason: Reason, category: CategoryCode, grid: PlaceCode, listVersion: String) {
        self.reason = reason
        self.category = category
        self.grid = grid
        self.listVersion = listVersion
    }

    public var description: String { "\(reason) for \(category) in grid \(grid) (list \(listVersion))" }
}

/// Equally specific rules of equal priority that match a case and disagree on who handles it.
public struct RuleTie: Sendable, Hashable, CustomStringConvertible {
    /// The tied rules, in precedence order.
    public let ruleIDs: [String]
    /// Their lead units, in the same order.
    public let leads: [UnitID]
    /// The list version consulted.
    public let listVersion: String

    /// Creates a tie.
    public init(ruleIDs: [String], leads: [UnitID], listVersion: String) {
        self.ruleIDs = ruleIDs
        self.leads = leads
        self.listVersion = listVersion
    }

    public var description: String {
        zip(ruleIDs, leads).map { "\($0) → \($1)" }.joined(separator: ", ") + " (list \(listVersion))"
    }
}

/// A list that refers to categories, places or units the city does not have, or is inconsistent.
public struct ResponsibilityListError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The rule concerned.
    public let ruleID: String
    /// The rule's source line, when known.
    public let line: Int?
    /// What is wrong.
    public let message: String

    /// Creates an error.
    public init(ruleID: String, line: Int?, message: String) {
        self.ruleID = ruleID
        self.line = line
        self.message = message
    }

    public var description: String { "rule \(ruleID)\(line.map { " (line \($0))" } ?? ""): \(message)" }
}
