/// A lifecycle step that was refused: the state, the attempted step, the actor's role and why.
///
/// Compare `code` to tell the kinds apart (`LifecycleError.Code.illegalTransition`, …); new codes may
/// be added without breaking callers, following swift-service-lifecycle's `ServiceGroupError` pattern.
public struct LifecycleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of refusal.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: Sendable, Hashable {
            case illegalTransition, roleNotAllowed, guardFailed, outOfOrder, reporterNotAllowed
        }

        private let value: Value

        private init(_ value: Value) { self.value = value }

        /// The step is not possible in the case's state at all.
        public static let illegalTransition = Code(.illegalTransition)
        /// The step is possible in this state, but not for the actor's role.
        public static let roleNotAllowed = Code(.roleNotAllowed)
        /// The step is possible for the role, but a condition does not hold (wrong unit, missing
        /// verification, a request already pending…).
        public static let guardFailed = Code(.guardFailed)
        /// The step is dated before the case's last step.
        public static let outOfOrder = Code(.outOfOrder)
        /// The actor's role cannot open a case through this channel.
        public static let reporterNotAllowed = Code(.reporterNotAllowed)

        /// A short name of the code.
        public var description: String {
            switch value {
            case .illegalTransition: "illegal transition"
            case .roleNotAllowed: "role not allowed"
            case .guardFailed: "guard failed"
            case .outOfOrder: "out of order"
            case .reporterNotAllowed: "reporter not allowed"
            }
        }
    }

    /// The kind of refusal.
    public let code: Code
    /// The case's state when the step was attempted (`reported` for a refused opening).
    public let state: CaseState
    /// The attempted step; `nil` when opening a case was refused.
    public let action: CaseAction.Kind?
    /// The role the actor acted in.
    public let role: ActorRole
    /// Why, in words for the person who tried.
    public let reason: String

    /// Creates an error.
    public init(code: Code, state: CaseState, action: CaseAction.Kind?, role: ActorRole, reason: String) {
        self.code = code
        self.state = state
        self.action = action
        self.role = role
        self.reason = reason
    }

    /// e.g. `cannot sign_for (签收) a case in state closed (已结案) as disposal_unit: illegal transition: …`.
    public var description: String {
        let attempt = action.map { "\($0.rawValue) (\($0.chineseName))" } ?? "open"
        return "cannot \(attempt) a case in state \(state.rawValue) (\(state.chineseName)) as \(role.rawValue): \(code): \(reason)"
    }
}
