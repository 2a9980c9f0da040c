/// The service that owns a phase of the loop. Ownership follows the case's state: the owner of the
/// state a step starts from is the only service that emits that step, after validating it with
/// `CaseLifecycle` on its own replica of the case. A step that leads into the other side's states
/// hands the case over (e.g. `file` hands it to routing, `report_disposal` back to intake), so at any
/// time exactly one service may extend a case's timeline and sequence numbers are never contended.
public enum ContractPhaseOwner: String, Sendable, Hashable, CaseIterable {
    /// The supervision centre's side: `reported`, `verifying`, `disposed`, `checking`, `checked`.
    case intake
    /// The command centre's side: `filed`, `dispatched`, `in_disposal`, `returned`, `parked`,
    /// `rework`, `escalated`, `joint_response`.
    case routing

    /// The CloudEvents source of the owner, `/gridloop/<service>`.
    public var source: String { ContractSource.service(rawValue) }

    /// The service that owns cases in `state`; `nil` for terminal states (no step is possible).
    public static func owner(of state: CaseState) -> ContractPhaseOwner? {
        switch state {
        case .reported, .verifying, .disposed, .checking, .checked: .intake
        case .filed, .dispatched, .inDisposal, .returned, .parked, .rework, .escalated, .jointResponse: .routing
        case .notFiled, .duplicate, .void, .closed: nil
        }
    }
}
