/// The settings that ``KafkaConfiguration/init(environment:)`` (or another configuration reader) rejected, all of
/// them at once so an operator can fix everything in one go.
public struct KafkaConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// One rejected setting.
    public struct InvalidSetting: Hashable, Sendable, CustomStringConvertible {
        /// The setting's name as the operator wrote it, e.g. `KAFKA_BROKERS`.
        public let name: String
        /// What is wrong and what is expected.
        public let problem: String

        /// Creates a rejected setting.
        public init(name: String, problem: String) {
            self.name = name
            self.problem = problem
        }

        /// "NAME: problem".
        public var description: String { "\(self.name): \(self.problem)" }
    }

    /// Every rejected setting, in the order they were checked.
    public let invalidSettings: [InvalidSetting]

    /// Creates the error.
    public init(invalidSettings: [InvalidSetting]) {
        self.invalidSettings = invalidSettings
    }

    /// "invalid Kafka configuration: A: …; B: …".
    public var description: String {
        "invalid Kafka configuration: " + self.invalidSettings.map(\.description).joined(separator: "; ")
    }
}
