/// Why a ``TansuBroker`` could not be found or started.
public struct TansuBrokerError: Error, CustomStringConvertible, Sendable {
    /// What went wrong and what to do.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
