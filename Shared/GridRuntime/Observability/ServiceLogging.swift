public import Logging

/// Creates the service's log handlers from its configuration. Call ``bootstrap(_:)`` once, in
/// `main` only (``ServiceRunner`` does); tests build handlers with ``makeHandler(label:configuration:output:)``.
public enum ServiceLogging {
    /// A handler of the configured format and level.
    public static func makeHandler(
        label: String, configuration: ServiceConfiguration, output: LogOutput = .standardOutput, privacy: LogPrivacy = .standard
    ) -> any LogHandler {
        switch configuration.logging.format {
        case .json:
            JSONLogHandler(label: label, service: configuration.serviceName, level: configuration.logging.level, output: output, privacy: privacy)
        case .text:
            TextLogHandler(label: label, service: configuration.serviceName, level: configuration.logging.level, output: output, privacy: privacy)
        }
    }

    /// Bootstraps swift-log for the process. Must be called at most once, from `main`.
    public static func bootstrap(_ configuration: ServiceConfiguration) {
        LoggingSystem.bootstrap { label in makeHandler(label: label, configuration: configuration) }
    }
}
