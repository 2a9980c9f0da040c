public import GridRuntime

/// The `intake` service, plugged into the common scaffold (`ServiceRunner`).
public struct Intake: GridService {
    /// The service name used in logs, metrics and configuration.
    public static let name = "intake"

    /// Builds the service from the scaffold's resources.
    public init(resources: ServiceResources<NoServiceSettings>) async throws {}
}
