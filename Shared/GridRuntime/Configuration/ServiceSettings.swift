/// A service's own configuration keys, read together with the common ones so one startup error
/// lists every problem.
///
/// ```swift
/// struct IntakeSettings: ServiceSettings {
///     static let placesFile = ConfigurationSetting(
///         key: "intake.placesFile", expected: "a file path", default: nil, summary: "City place file.")
///     static var settings: [ConfigurationSetting] { [placesFile] }
///     let placesFile: String
///     init?(reading reader: inout SettingsReader) {
///         guard let path = reader.requiredString(Self.placesFile) else { return nil }
///         placesFile = path
///     }
/// }
/// ```
public protocol ServiceSettings: Sendable {
    /// The keys this type reads, for documentation and tests.
    static var settings: [ConfigurationSetting] { get }
    /// Reads the keys, recording problems in `reader`; returns `nil` when a required value is missing
    /// or invalid (the reader then holds the problem).
    init?(reading reader: inout SettingsReader)
}

/// For services without keys of their own.
public struct NoServiceSettings: ServiceSettings {
    /// No keys.
    public static var settings: [ConfigurationSetting] { [] }
    /// Always succeeds.
    public init?(reading reader: inout SettingsReader) {}
}
