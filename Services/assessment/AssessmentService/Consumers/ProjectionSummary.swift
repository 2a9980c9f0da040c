/// What ``LifecycleFactProjector`` did with a batch.
public struct ProjectionSummary: Sendable, Hashable {
    /// New events recorded.
    public var recorded = 0
    /// Events already recorded earlier (a redelivery or a republished event); nothing changed.
    public var alreadyRecorded = 0
    /// Events of types this service does not know (a newer contract); skipped.
    public var unknownTypes = 0
    /// Steps applied after missing sequences.
    public var gaps = 0
    /// Case fact rows written.
    public var factsWritten = 0

    /// Nothing yet.
    public init() {}
}
