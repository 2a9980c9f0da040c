import Configuration

/// Describes one configuration setting: where it is read from, what form it takes and its default.
///
/// Settings are read from a `ConfigReader` by their dotted `key` (for example `database.maxConnections`);
/// `EnvironmentVariablesProvider` maps that key to the environment variable `DATABASE_MAX_CONNECTIONS`,
/// which is the name shown in errors and documentation (``environmentName``).
public struct ConfigurationSetting: Sendable, Hashable, CustomStringConvertible {
    /// The configuration key, dotted and camel-cased, e.g. `database.maxConnections`.
    public let key: String
    /// What a valid value looks like, e.g. `"an integer 1…65535"`.
    public let expected: String
    /// The default in words, or `nil` when the setting is required.
    public let defaultDescription: String?
    /// True when the value must never be echoed (passwords, signing secrets).
    public let isSecret: Bool
    /// A one-line explanation for documentation.
    public let summary: String

    /// Creates a setting description.
    /// - Parameters:
    ///   - key: The dotted configuration key, e.g. `http.port`.
    ///   - expected: What a valid value looks like.
    ///   - defaultDescription: The default in words; `nil` marks the setting as required.
    ///   - isSecret: Whether the value is secret and must never appear in errors or logs.
    ///   - summary: A one-line explanation.
    public init(key: String, expected: String, default defaultDescription: String?, isSecret: Bool = false, summary: String) {
        self.key = key
        self.expected = expected
        self.defaultDescription = defaultDescription
        self.isSecret = isSecret
        self.summary = summary
    }

    /// True when the setting has no default and must be provided.
    public var isRequired: Bool { defaultDescription == nil }

    /// The `ConfigKey` the reader looks up.
    public var configKey: ConfigKey { ConfigKey(key) }

    /// The environment variable name, following `EnvironmentVariablesProvider`'s mapping:
    /// components joined with `_`, camel-case boundaries split with `_`, upper-cased, any other
    /// character replaced with `_` (`database.maxConnections` → `DATABASE_MAX_CONNECTIONS`).
    public var environmentName: String {
        key.split(separator: ".").map { component -> String in
            var output = ""
            var previous: Character?
            for character in component {
                if let previous, previous.isLowercase, character.isUppercase { output.append("_") }
                output.append(character)
                previous = character
            }
            return output.uppercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
        }.joined(separator: "_")
    }

    /// `ENVIRONMENT_NAME`, the name operators see.
    public var description: String { environmentName }
}
