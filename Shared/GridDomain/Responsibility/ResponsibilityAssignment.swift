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

    /// A readable form for messages and logs.
    public var description: String {
        var text = "\(lead) at the \(tier.rawValue) tier by rule \(ruleID) (list \(listVersion))"
        if !coUnits.isEmpty { text += ", with \(coUnits.map(\.rawValue).joined(separator: ", "))" }
        if !escalation.isEmpty { text += ", escalating to \(escalation.map(\.rawValue).joined(separator: " > "))" }
        return text
    }
}
