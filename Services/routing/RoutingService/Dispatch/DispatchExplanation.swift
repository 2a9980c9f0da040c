public import GridDomain

/// Why an assignment was made, stored with it as JSON: by the 权责清单 (with the resolver's account)
/// or by a dispatcher (with the queue reason that sent the case to them, if any).
public struct DispatchExplanation: Sendable, Hashable, Codable {
    /// How the lead unit was chosen.
    public enum Method: String, Sendable, Hashable, Codable {
        /// Routing applied the 权责清单.
        case automatic
        /// A dispatcher chose the units.
        case manual
    }

    /// How the lead unit was chosen.
    public var method: Method
    /// One line in words, e.g. `E0102 in grid 339901001001001 → S339901001-SANITATION by rule R00031 (list sha-…)`.
    public var summary: String
    /// Why the case waited for a dispatcher, for manual dispatches from the queue.
    public var queueReason: ManualDispatchRequiredV1.Reason?
    /// The resolver's account (for manual dispatches: of the decision that sent the case to the queue).
    public var resolver: ResolverExplanation?

    /// Creates an explanation.
    public init(method: Method, summary: String, queueReason: ManualDispatchRequiredV1.Reason? = nil, resolver: ResolverExplanation? = nil) {
        self.method = method
        self.summary = summary
        self.queueReason = queueReason
        self.resolver = resolver
    }

    private enum CodingKeys: String, CodingKey { case method, summary, queueReason, resolver }
}
