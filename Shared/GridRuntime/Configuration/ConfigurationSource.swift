import Configuration

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where a service's configuration comes from: a `ConfigReader` for named keys plus the raw
/// environment for open families of keys that cannot be looked up one by one
/// (`KAFKA_PROPERTY_<NAME>` pass-through properties).
public struct ConfigurationSource: Sendable {
    /// Typed lookups of named keys.
    public let reader: ConfigReader
    /// The raw variables, used only to enumerate prefix families such as `KAFKA_PROPERTY_*`.
    public let environment: [String: String]

    /// Creates a source from any reader; `environment` feeds the prefix families (empty by default).
    public init(reader: ConfigReader, environment: [String: String] = [:]) {
        self.reader = reader
        self.environment = environment
    }

    /// A source over environment variables (the process's own by default), read with
    /// `EnvironmentVariablesProvider`.
    public static func environment(_ variables: [String: String] = ProcessInfo.processInfo.environment) -> Self {
        Self(reader: ConfigReader(provider: EnvironmentVariablesProvider(environmentVariables: variables)), environment: variables)
    }
}
