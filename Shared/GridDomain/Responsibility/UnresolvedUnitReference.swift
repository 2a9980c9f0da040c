/// A `@level:kind` reference in a rule that names no unit for some places the rule covers.
public struct UnresolvedUnitReference: Sendable, Hashable, CustomStringConvertible {
    /// Which part of the rule holds the reference.
    public enum Role: String, Sendable, Hashable {
        case lead, coUnit = "co_unit", escalation
    }

    /// The rule.
    public let ruleID: String
    /// Where in the rule.
    public let role: Role
    /// The reference.
    public let reference: UnitReference
    /// The places at the reference's level, within the rule's scope, with no such unit.
    public let places: [PlaceCode]
    /// The days on which the rule is in force.
    public let period: EffectivePeriod

    /// A readable form for messages and logs.
    public var description: String {
        "unresolved: rule \(ruleID) \(role.rawValue) \(reference) names no unit in \(places.map(\.description).joined(separator: ", ")) (\(period))"
    }
}
