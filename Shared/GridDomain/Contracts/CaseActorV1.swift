/// Who took a step, in the contracts: `{"role": "disposal_unit", "id": "u-311", "unit": "D01-SANITATION"}`.
///
/// `id` is a GridLoop account id (or, for `system`, the service name), never a name or phone number.
public struct CaseActorV1: Sendable, Hashable, Codable {
    /// The role acted in.
    public var role: ActorRole
    /// The acting account, or the service name for `system`.
    public var id: String
    /// The unit acted for (required for `disposal_unit` actors by the lifecycle's guards).
    public var unit: UnitID?
    /// The level of the centre or unit the actor works at, when known.
    public var level: GovernanceLevel?

    /// Creates an actor.
    public init(role: ActorRole, id: String, unit: UnitID? = nil, level: GovernanceLevel? = nil) {
        self.role = role
        self.id = id
        self.unit = unit
        self.level = level
    }

    /// The contract form of a domain actor.
    public init(_ actor: CaseActor) {
        self.init(role: actor.role, id: actor.id, unit: actor.unit, level: actor.level)
    }

    /// The domain actor.
    public var caseActor: CaseActor { CaseActor(role: role, id: id, unit: unit, level: level) }

    private enum CodingKeys: String, CodingKey { case role, id, unit, level }
}
