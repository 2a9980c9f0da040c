public import GridRuntime

/// The `assessment` service, plugged into the common scaffold (`ServiceRunner`).
public struct Assessment: GridService {
    /// The service name used in logs, metrics and configuration.
    public static let name = "assessment"

    /// Builds the service from the scaffold's resources.
    public init(resources: ServiceResources<NoServiceSettings>) async throws {}
}
