public import GridRuntime

/// The `sla-monitor` service, plugged into the common scaffold (`ServiceRunner`).
public struct SLAMonitor: GridService {
    /// The service name used in logs, metrics and configuration.
    public static let name = "sla-monitor"

    /// Builds the service from the scaffold's resources.
    public init(resources: ServiceResources<NoServiceSettings>) async throws {}
}
