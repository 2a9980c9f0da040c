/// One legal move of the lifecycle: in state `from`, a step of kind `action` by one of `roles` leads
/// to state `to`, provided the guard described by `condition` holds.
public struct CaseTransition: Sendable, Hashable, CustomStringConvertible {
    /// The state the step is taken in.
    public let from: CaseState
    /// The step.
    public let action: CaseAction.Kind
    /// The state after the step (equal to `from` for steps that only record something).
    public let to: CaseState
    /// The roles that may take the step.
    public let roles: Set<ActorRole>
    /// The guard, in words (checked by `CaseLifecycle.apply`; `"—"` when the state and role suffice).
    public let condition: String

    init(_ from: CaseState, _ action: CaseAction.Kind, _ to: CaseState, _ roles: Set<ActorRole>, _ condition: String = "—") {
        self.from = from
        self.action = action
        self.to = to
        self.roles = roles
        self.condition = condition
    }

    /// `reported --file [operator, shift_lead]--> filed`.
    public var description: String {
        "\(from.rawValue) --\(action.rawValue) [\(roles.map(\.rawValue).sorted().joined(separator: ", "))]--> \(to.rawValue)"
    }
}
