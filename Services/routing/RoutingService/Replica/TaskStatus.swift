public import GridDomain

/// Where a disposal unit's task (one assignment of a case) stands.
public enum TaskStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Dispatched; waiting for the unit to sign for it (签收).
    case dispatched
    /// Signed for; being disposed of.
    case inDisposal = "in_disposal"
    /// Parked (挂账); the disposal clock is stopped.
    case parked
    /// A joint response (吹哨报到) is under way.
    case jointResponse = "joint_response"
    /// The check failed; back with the unit, which signs for it again (返工).
    case rework
    /// The unit reported the disposal; the supervision centre checks it.
    case disposed
    /// The unit returned the task (退回); this assignment is over.
    case returned
    /// The case was escalated to a higher level; this assignment is over.
    case escalated
    /// The case was voided.
    case voided
    /// The case was closed.
    case closed

    /// The statuses of tasks still on the unit's list.
    public static let open: [TaskStatus] = [.dispatched, .inDisposal, .parked, .jointResponse, .rework]

    /// The statuses waiting for the unit to sign for the task.
    public static let awaitingSignFor: [TaskStatus] = [.dispatched, .rework]

    /// True when the assignment is over and no later step changes it.
    public var isFinal: Bool {
        switch self {
        case .returned, .escalated, .voided, .closed: true
        default: false
        }
    }

    /// The task status that follows from a case's state, or `nil` when the state does not concern the
    /// current assignment (`filed`, `reported`, …).
    public init?(caseState: CaseState) {
        switch caseState {
        case .dispatched: self = .dispatched
        case .inDisposal: self = .inDisposal
        case .parked: self = .parked
        case .jointResponse: self = .jointResponse
        case .rework: self = .rework
        case .disposed, .checking, .checked: self = .disposed
        case .returned: self = .returned
        case .escalated: self = .escalated
        case .void, .duplicate: self = .voided
        case .closed: self = .closed
        case .reported, .verifying, .filed, .notFiled: return nil
        }
    }
}
