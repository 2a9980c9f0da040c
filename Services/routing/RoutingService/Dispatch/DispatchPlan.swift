public import GridDomain

/// What routing does with a case that needs a lead unit: dispatch it by the 权责清单, or put it in
/// the command centre's queue for a dispatcher, saying why.
public enum DispatchPlan: Sendable, Hashable {
    /// Dispatch to the resolver's units.
    case dispatch(ResponsibilityAssignment, ResolverExplanation)
    /// Queue for manual dispatch.
    case manual(ManualDispatch)

    /// A case the resolver cannot dispatch.
    public struct ManualDispatch: Sendable, Hashable {
        /// Why.
        public var reason: ManualDispatchRequiredV1.Reason
        /// The explanation in words, for the dispatcher (no personal data).
        public var explanation: String
        /// Units the dispatcher may consider (tied leads, the escalation chain…).
        public var candidates: [UnitID]
        /// The resolver's account, when it was asked.
        public var resolver: ResolverExplanation?

        /// Creates the plan.
        public init(reason: ManualDispatchRequiredV1.Reason, explanation: String, candidates: [UnitID], resolver: ResolverExplanation?) {
            self.reason = reason
            self.explanation = explanation
            self.candidates = candidates
            self.resolver = resolver
        }
    }
}
