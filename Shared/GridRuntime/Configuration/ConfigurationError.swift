/// The configuration could not be loaded. The message lists every missing or invalid setting at
/// once, each with its environment variable, the expected form and the default, so an operator can
/// fix them all in one go.
///
/// Extensible like swift-service-lifecycle's errors: new codes can be added without breaking users.
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of configuration failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Backing: Sendable, Hashable {
            case invalidSettings
        }
        private let backing: Backing
        private init(_ backing: Backing) { self.backing = backing }

        /// One or more settings are missing or invalid; see ``ConfigurationError/problems``.
        public static let invalidSettings = Code(.invalidSettings)

        /// A short name for the code.
        public var description: String {
            switch backing {
            case .invalidSettings: "invalid settings"
            }
        }
    }

    /// The kind of failure.
    public let code: Code
    /// The component whose configuration failed, e.g. the service name.
    public let component: String
    /// Every problem found, in the order the settings were read.
    public let problems: [ConfigurationProblem]
    /// Where the error was raised.
    public let file: String
    /// Where the error was raised.
    public let line: Int

    private init(code: Code, component: String, problems: [ConfigurationProblem], file: String, line: Int) {
        self.code = code
        self.component = component
        self.problems = problems
        self.file = file
        self.line = line
    }

    /// Settings are missing or invalid.
    public static func invalidSettings(
        _ problems: [ConfigurationProblem], component: String, file: String = #fileID, line: Int = #line
    ) -> Self {
        Self(code: .invalidSettings, component: component, problems: problems, file: file, line: line)
    }

    /// The names of the environment variables that have a problem.
    public var environmentNames: [String] { problems.map(\.setting.environmentName) }

    /// A multi-line message naming every problem; secret values are never included.
    public var description: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        let lines = problems.map { "  - \($0.description)" }
        return (["\(component): configuration is invalid (\(count)); see docs/configuration.md"] + lines)
            .joined(separator: "\n")
    }

    /// Errors are equal when they report the same problems; file and line are ignored.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.code == rhs.code && lhs.component == rhs.component && lhs.problems == rhs.problems
    }

    /// Hashes the code, component and problems.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(component)
        hasher.combine(problems)
    }
}
