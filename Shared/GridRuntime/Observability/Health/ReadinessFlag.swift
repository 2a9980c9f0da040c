import Synchronization

/// A one-way switch shared between a startup step and a readiness check (e.g. "migrations applied").
public final class ReadinessFlag: Sendable {
    private let state = Mutex(false)

    /// Creates an unset flag.
    public init() {}

    /// True once ``set()`` was called.
    public var isSet: Bool { state.withLock { $0 } }

    /// Sets the flag.
    public func set() { state.withLock { $0 = true } }
}
