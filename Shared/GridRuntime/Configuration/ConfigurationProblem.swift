/// One missing or invalid setting found while loading configuration.
public struct ConfigurationProblem: Sendable, Hashable, CustomStringConvertible {
    /// What went wrong with the setting.
    public enum Kind: Sendable, Hashable {
        /// A required setting has no value.
        case missing
        /// The value is present but not of the expected form; `reason` says why.
        case invalid(reason: String)
    }

    /// The setting concerned.
    public let setting: ConfigurationSetting
    /// Missing or invalid.
    public let kind: Kind
    /// The offending value as given, or `nil` when missing or secret.
    public let value: String?

    /// Creates a problem report; secret values are dropped here so they can never be printed.
    public init(setting: ConfigurationSetting, kind: Kind, value: String? = nil) {
        self.setting = setting
        self.kind = kind
        self.value = setting.isSecret ? nil : value
    }

    /// One line: the variable, what is wrong, the expected form and the default.
    ///
    /// `DATABASE_PORT is invalid ("abc": not an integer); expected an integer 1…65535; default 5432`
    public var description: String {
        let defaultText = setting.defaultDescription.map { "default \($0)" } ?? "required, no default"
        switch kind {
        case .missing:
            return "\(setting.environmentName) is missing; expected \(setting.expected); \(defaultText)"
        case .invalid(let reason):
            let shown = value.map { "\"\($0)\": " } ?? (setting.isSecret ? "value hidden: " : "")
            return "\(setting.environmentName) is invalid (\(shown)\(reason)); expected \(setting.expected); \(defaultText)"
        }
    }
}
