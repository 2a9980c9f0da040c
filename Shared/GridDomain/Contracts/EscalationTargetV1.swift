/// Where a red card is escalated (督办), in the contracts:
/// `{"target": "supervising", "level": "district"}`, `{"target": "level", "level": "city"}`,
/// `{"target": "unit", "unit": "CITY-DUCHA"}`.
public struct EscalationTargetV1: Sendable, Hashable, Codable {
    /// How the deadline rule names the target.
    public enum Target: String, Sendable, Hashable, Codable, CaseIterable {
        /// The level above the one handling the case.
        case supervising
        /// A fixed level's command centre.
        case level
        /// A named unit.
        case unit
    }

    /// How the deadline rule names the target.
    public var target: Target
    /// The level that receives the escalation: the fixed level, or for `supervising` the level the SLA
    /// monitor resolved (absent when it could not tell the handling unit's level).
    public var level: GovernanceLevel?
    /// The unit that receives the escalation (`unit` targets).
    public var unit: UnitID?

    /// Creates a target.
    public init(target: Target, level: GovernanceLevel? = nil, unit: UnitID? = nil) {
        self.target = target
        self.level = level
        self.unit = unit
    }

    /// The contract form of a rule's target, with the resolved supervising level when known.
    public init(_ escalation: EscalationTarget, resolvedLevel: GovernanceLevel? = nil) {
        switch escalation {
        case .supervisingLevel: self.init(target: .supervising, level: resolvedLevel)
        case .level(let level): self.init(target: .level, level: level)
        case .unit(let unit): self.init(target: .unit, unit: unit)
        }
    }

    private enum CodingKeys: String, CodingKey { case target, level, unit }
}
