/// Who performs a step: a role, the account (or service) acting, and, where it matters, the unit
/// and level they act for.
public struct CaseActor: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The role acted in.
    public let role: ActorRole
    /// The acting account (a user id) or, for `.system`, the service name.
    public let id: String
    /// The unit acted for. Required for `.disposalUnit` actors; guards compare it with the case's
    /// assignment.
    public let unit: UnitID?
    /// The level of the centre or unit the actor works at (e.g. a street's command centre), when known.
    /// Escalation must go above it.
    public let level: GovernanceLevel?

    /// Creates an actor.
    public init(role: ActorRole, id: String, unit: UnitID? = nil, level: GovernanceLevel? = nil) {
        self.role = role
        self.id = id
        self.unit = unit
        self.level = level
    }

    /// A GridLoop service acting on its own, e.g. `.system("routing")`.
    public static func system(_ service: String) -> CaseActor { CaseActor(role: .system, id: service) }

    /// `shift_lead:u-17`, `disposal_unit:u-3@D01-SANITATION`.
    public var description: String {
        "\(role.rawValue):\(id)" + (unit.map { "@\($0)" } ?? "")
    }
}
