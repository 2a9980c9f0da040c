public import GridRuntime

/// The routing service's own configuration keys (documented in `docs/configuration.md`, section
/// "routing"). Read together with the common keys, so one start-up error lists every problem.
public struct RoutingSettings: ServiceSettings {
    /// `GRIDLOOP_CITY_DIR` (the common key), which routing requires: places, catalog, units, 权责清单,
    /// deadline policy, working hours.
    public static let cityDirectory = ConfigurationSetting(
        key: ConfigurationSetting.cityDirectory.key, expected: ConfigurationSetting.cityDirectory.expected, default: nil,
        summary: "Directory with the city's data files; routing requires it.")

    /// `ROUTING_CALENDAR_DIR`: the national holiday schedules (`cn-YYYY.csv`).
    public static let calendarDirectory = ConfigurationSetting(
        key: "routing.calendarDir", expected: "an existing directory of holiday schedule CSV files",
        default: "GRIDLOOP_CITY_DIR/calendar, else the calendar directory beside GRIDLOOP_CITY_DIR (deploy/calendar)",
        summary: "Holiday schedules used to show the deadlines a disposal unit's tasks will get.")

    /// `ROUTING_LIST_VERSION`: the version recorded with every 权责清单 decision.
    public static let listVersion = ConfigurationSetting(
        key: "routing.listVersion", expected: "a short label, e.g. 2025-03",
        default: "a digest of responsibility-list.csv (`sha-` + 16 hex digits), so a changed list gets a new version",
        summary: "Version of the responsibility list recorded with every dispatch decision.")

    /// `ROUTING_CONSUMER_GROUP`: the Kafka consumer group of the lifecycle consumer.
    public static let consumerGroup = ConfigurationSetting(
        key: "routing.consumerGroup", expected: "a consumer group id", default: "routing",
        summary: "Kafka consumer group (and inbox name) of the case-lifecycle consumer.")

    /// `ROUTING_CONSUMER_BATCH_SIZE`: the most lifecycle events handled in one transaction.
    public static let consumerBatchSize = ConfigurationSetting(
        key: "routing.consumerBatchSize", expected: "an integer 1…5000", default: "2000",
        summary: "Most lifecycle events the consumer handles in one database transaction.")

    /// Every key, for documentation and tests.
    public static var settings: [ConfigurationSetting] {
        [cityDirectory, calendarDirectory, listVersion, consumerGroup, consumerBatchSize]
    }

    /// The city directory.
    public var cityDirectory: String
    /// The holiday schedule directory, when set explicitly.
    public var calendarDirectory: String?
    /// The list version, when set explicitly.
    public var listVersion: String?
    /// The consumer group. Default `routing`.
    public var consumerGroup: String
    /// The consumer's batch size. Default 2000.
    public var consumerBatchSize: Int

    /// Creates settings (tests); see the properties for the defaults.
    public init(
        cityDirectory: String, calendarDirectory: String? = nil, listVersion: String? = nil,
        consumerGroup: String = "routing", consumerBatchSize: Int = 2000
    ) {
        self.cityDirectory = cityDirectory
        self.calendarDirectory = calendarDirectory
        self.listVersion = listVersion
        self.consumerGroup = consumerGroup
        self.consumerBatchSize = consumerBatchSize
    }

    /// Reads the keys; `nil` (with the problem recorded) when the city directory is missing.
    public init?(reading reader: inout SettingsReader) {
        let city = reader.requiredString(Self.cityDirectory)
        let calendar = reader.optionalString(Self.calendarDirectory)
        let version = reader.optionalString(Self.listVersion)
        let group = reader.string(Self.consumerGroup, default: "routing")
        let batch = reader.int(Self.consumerBatchSize, default: 2000, in: 1...5000)
        guard let city else { return nil }
        self.init(
            cityDirectory: city, calendarDirectory: calendar, listVersion: version, consumerGroup: group,
            consumerBatchSize: batch)
    }
}
