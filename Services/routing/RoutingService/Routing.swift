public import GridRuntime

/// The `routing` service, plugged into the common scaffold (`ServiceRunner`).
public struct Routing: GridService {
    /// The service name used in logs, metrics and configuration.
    public static let name = "routing"

    /// Builds the service from the scaffold's resources.
    public init(resources: ServiceResources<NoServiceSettings>) async throws {}
}
