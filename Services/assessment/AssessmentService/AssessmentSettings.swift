public import GridRuntime

/// The assessment service's own configuration keys (see `docs/configuration.md`).
public struct AssessmentSettings: ServiceSettings {
    /// `ASSESSMENT_CONSUMER_GROUP`: the Kafka consumer group of the lifecycle consumer, also the inbox's
    /// consumer name. Default `assessment`.
    public static let consumerGroupSetting = ConfigurationSetting(
        key: "assessment.consumerGroup", expected: "a Kafka group id", default: "assessment",
        summary: "Consumer group (and inbox consumer name) of the lifecycle consumer.")
    /// `ASSESSMENT_BATCH_SIZE`: the most lifecycle events taken per batch (one transaction). Default 2000.
    public static let batchSizeSetting = ConfigurationSetting(
        key: "assessment.batchSize", expected: "an integer 1…10000", default: "2000",
        summary: "Most lifecycle events recorded per batch (one transaction).")

    /// The keys this type reads.
    public static var settings: [ConfigurationSetting] { [consumerGroupSetting, batchSizeSetting] }

    /// The consumer group.
    public var consumerGroup: String
    /// The most events per batch.
    public var batchSize: Int

    /// Settings with the given values (tests); services read them with ``init(reading:)``.
    public init(consumerGroup: String = "assessment", batchSize: Int = 2000) {
        self.consumerGroup = consumerGroup
        self.batchSize = batchSize
    }

    /// Reads the keys, recording problems in `reader`.
    public init?(reading reader: inout SettingsReader) {
        let group = reader.value(Self.consumerGroupSetting, default: "assessment") { text throws(InvalidSettingValue) in
            guard text.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }), text.utf8.count <= 249 else {
                throw InvalidSettingValue("only letters, digits, '.', '_' and '-' (at most 249)")
            }
            return text
        }
        batchSize = reader.int(Self.batchSizeSetting, default: 2000, in: 1...10_000)
        consumerGroup = group ?? "assessment"
    }
}
