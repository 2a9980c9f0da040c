public import GridRuntime

/// The `notification` service, plugged into the common scaffold (`ServiceRunner`).
public struct Notifications: GridService {
    /// The service name used in logs, metrics and configuration.
    public static let name = "notification"

    /// Builds the service from the scaffold's resources.
    public init(resources: ServiceResources<NoServiceSettings>) async throws {}
}
