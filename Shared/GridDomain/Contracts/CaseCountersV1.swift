/// The per-case counts assessment needs, in the contracts (mirrors `CaseCounters`).
public struct CaseCountersV1: Sendable, Hashable, Codable {
    /// Checks failed and sent back to the same unit (返工).
    public var reworkCount: Int
    /// Extensions requested.
    public var extensionRequestCount: Int
    /// Extensions approved, each with the amount granted, in order.
    public var extensionsGranted: [TimeLimitV1]
    /// Re-dispatches after a return (改派).
    public var redispatchCount: Int
    /// Returns by units (退回).
    public var returnCount: Int
    /// Times parked (挂账).
    public var parkCount: Int
    /// Times escalated to a higher level.
    public var escalationCount: Int
    /// Disposed of on the spot by the reporting grid worker (自行处置).
    public var selfDisposed: Bool

    /// The contract form of domain counters.
    public init(_ counters: CaseCounters) {
        self.reworkCount = counters.reworkCount
        self.extensionRequestCount = counters.extensionRequestCount
        self.extensionsGranted = counters.extensionsGranted.map(TimeLimitV1.init)
        self.redispatchCount = counters.redispatchCount
        self.returnCount = counters.returnCount
        self.parkCount = counters.parkCount
        self.escalationCount = counters.escalationCount
        self.selfDisposed = counters.selfDisposed
    }

    private enum CodingKeys: String, CodingKey {
        case reworkCount, extensionRequestCount, extensionsGranted, redispatchCount, returnCount, parkCount
        case escalationCount, selfDisposed
    }
}
