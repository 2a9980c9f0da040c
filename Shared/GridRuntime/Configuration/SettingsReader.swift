import Configuration

/// The reason a value was rejected by a parser passed to ``SettingsReader/value(_:default:parse:)``.
public struct InvalidSettingValue: Error, Sendable, Hashable {
    /// Why the value is not acceptable, e.g. `"not an integer"`.
    public let reason: String
    /// Creates a rejection with a reason shown to the operator.
    public init(_ reason: String) { self.reason = reason }
}

/// Reads settings one by one and collects every problem instead of stopping at the first, so that
/// ``finish(component:)`` can report all missing and invalid settings in one error.
///
/// Values are read as text (the form environment variables have); typed values from other
/// providers (an `InMemoryProvider` holding an `Int`) are accepted and rendered as text first.
/// An empty or blank value counts as missing.
///
/// ```swift
/// var settings = SettingsReader(source: .environment())
/// let port = settings.int(.httpPort, default: 8080, in: 0...65535)
/// let host = settings.requiredString(.databaseHost)
/// try settings.finish(component: "intake")   // throws ConfigurationError listing every problem
/// ```
public struct SettingsReader: Sendable {
    /// Where values come from.
    public let source: ConfigurationSource
    /// Problems found so far, in reading order.
    public private(set) var problems: [ConfigurationProblem] = []

    /// Creates a reader over a source.
    public init(source: ConfigurationSource) {
        self.source = source
    }

    /// The raw text of a setting, or `nil` when absent or blank. Does not record problems.
    public func text(_ setting: ConfigurationSetting) -> String? {
        let reader = source.reader
        let key = setting.configKey
        let raw: String? =
            reader.string(forKey: key, isSecret: setting.isSecret)
            ?? reader.int(forKey: key, isSecret: setting.isSecret).map { String($0) }
            ?? reader.double(forKey: key, isSecret: setting.isSecret).map { String($0) }
            ?? reader.bool(forKey: key, isSecret: setting.isSecret).map { String($0) }
        guard let trimmed = raw?.trimmingWhitespace(), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// Records a problem found by the caller (for example a rule that involves two settings).
    public mutating func record(_ problem: ConfigurationProblem) {
        problems.append(problem)
    }

    /// Reads and parses a setting. Returns `defaultValue` when absent; records a problem and returns
    /// `defaultValue` (or `nil` when required) when the value is invalid or a required one is missing.
    public mutating func value<Value>(
        _ setting: ConfigurationSetting,
        default defaultValue: Value?,
        parse: (String) throws(InvalidSettingValue) -> Value
    ) -> Value? {
        guard let text = text(setting) else {
            if defaultValue == nil, setting.isRequired { record(ConfigurationProblem(setting: setting, kind: .missing)) }
            return defaultValue
        }
        do {
            return try parse(text)
        } catch {
            record(ConfigurationProblem(setting: setting, kind: .invalid(reason: error.reason), value: text))
            return defaultValue
        }
    }

    /// Throws a ``ConfigurationError`` listing every problem recorded so far, if any.
    public func finish(component: String) throws(ConfigurationError) {
        if !problems.isEmpty { throw .invalidSettings(problems, component: component) }
    }
}

extension SettingsReader {
    /// A string with a default.
    public mutating func string(_ setting: ConfigurationSetting, default defaultValue: String) -> String {
        value(setting, default: defaultValue) { $0 } ?? defaultValue
    }

    /// An optional string: `nil` when absent, never a problem.
    public mutating func optionalString(_ setting: ConfigurationSetting) -> String? {
        text(setting)
    }

    /// A required string: records "missing" and returns `nil` when absent.
    public mutating func requiredString(_ setting: ConfigurationSetting) -> String? {
        value(setting, default: nil) { $0 }
    }

    /// An integer within `range`, with a default.
    public mutating func int(_ setting: ConfigurationSetting, default defaultValue: Int, in range: ClosedRange<Int>) -> Int {
        value(setting, default: defaultValue) { text throws(InvalidSettingValue) in try Self.parseInt(text, in: range) } ?? defaultValue
    }

    /// A required integer within `range`.
    public mutating func requiredInt(_ setting: ConfigurationSetting, in range: ClosedRange<Int>) -> Int? {
        value(setting, default: nil) { text throws(InvalidSettingValue) in try Self.parseInt(text, in: range) }
    }

    /// A boolean: `true`/`false`, `1`/`0`, `yes`/`no`, `on`/`off` (any case).
    public mutating func bool(_ setting: ConfigurationSetting, default defaultValue: Bool) -> Bool {
        value(setting, default: defaultValue) { text throws(InvalidSettingValue) in
            switch text.lowercased() {
            case "true", "1", "yes", "on": return true
            case "false", "0", "no", "off": return false
            default: throw InvalidSettingValue("not a boolean")
            }
        } ?? defaultValue
    }

    /// One of the raw values of `Choice` (matched case-insensitively), with a default.
    public mutating func choice<Choice: RawRepresentable<String> & CaseIterable>(
        _ setting: ConfigurationSetting, default defaultValue: Choice
    ) -> Choice {
        value(setting, default: defaultValue) { text throws(InvalidSettingValue) in
            guard let choice = Choice.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) else {
                throw InvalidSettingValue("not one of \(Choice.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return choice
        } ?? defaultValue
    }

    /// A duration given in (possibly fractional) seconds, at least `minimum`.
    public mutating func seconds(
        _ setting: ConfigurationSetting, default defaultValue: Duration, minimum: Duration = .zero
    ) -> Duration {
        value(setting, default: defaultValue) { text throws(InvalidSettingValue) in
            guard let seconds = Double(text), seconds.isFinite else { throw InvalidSettingValue("not a number of seconds") }
            let duration = Duration.milliseconds(Int64((seconds * 1000).rounded()))
            guard duration >= minimum else { throw InvalidSettingValue("less than the minimum \(minimum)") }
            return duration
        } ?? defaultValue
    }

    /// A comma-separated list of non-empty items (blank items are ignored); `nil` when absent.
    public mutating func list(_ setting: ConfigurationSetting) -> [String]? {
        text(setting).map { $0.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty } }
    }

    static func parseInt(_ text: String, in range: ClosedRange<Int>) throws(InvalidSettingValue) -> Int {
        guard let number = Int(text) else { throw InvalidSettingValue("not an integer") }
        guard range.contains(number) else { throw InvalidSettingValue("out of range \(range.lowerBound)…\(range.upperBound)") }
        return number
    }
}

extension String {
    /// The string without leading and trailing whitespace and newlines.
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
