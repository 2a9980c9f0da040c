import Foundation
public import GridRuntime

/// The intake service's own configuration keys (documented in `docs/configuration.md`, section
/// "intake"). Read together with the common settings, so one startup error lists every problem.
public struct IntakeSettings: ServiceSettings {
    /// `INTAKE_TIME_ZONE`: the city's time zone, used for the date in case numbers.
    public static let timeZone = ConfigurationSetting(
        key: "intake.timeZone", expected: "an IANA time zone name", default: "Asia/Shanghai",
        summary: "The city's time zone; case numbers carry the local date (<district>-<yyyyMMdd>-<seq>).")
    /// `INTAKE_GRID_BATCH_SIZE`: grid rows per INSERT when the city's grids are (re)loaded.
    public static let gridBatchSize = ConfigurationSetting(
        key: "intake.gridBatchSize", expected: "an integer 1…10000", default: "1000",
        summary: "Unit grids written per statement when the city's GeoJSON is loaded into PostGIS at start-up.")
    /// `INTAKE_AUTO_CLOSE`: whether a passed check closes the case at once when no call-back is due.
    public static let autoClose = ConfigurationSetting(
        key: "intake.autoClose", expected: "a boolean", default: "true",
        summary: "After a passed check (核查通过), close the case by `system` when its channel needs no call-back; otherwise a shift lead closes it.")
    /// `INTAKE_PAGE_SIZE_LIMIT`: the largest page `GET /v1/cases` returns.
    public static let pageSizeLimit = ConfigurationSetting(
        key: "intake.pageSizeLimit", expected: "an integer 1…1000", default: "200",
        summary: "The largest `limit` accepted by GET /v1/cases.")
    /// `INTAKE_CONSUMER_GROUP`: the Kafka consumer group of intake's consumers.
    public static let consumerGroup = ConfigurationSetting(
        key: "intake.consumerGroup", expected: "a Kafka group id", default: "intake",
        summary: "Consumer group of the hotline, sensing and lifecycle consumers (also the inbox's consumer name prefix).")

    /// Every key, for documentation and tests.
    public static var settings: [ConfigurationSetting] { [timeZone, gridBatchSize, autoClose, pageSizeLimit, consumerGroup] }

    /// The city's time zone. Default `Asia/Shanghai`.
    public var timeZone: TimeZone
    /// Grid rows per INSERT at load time. Default 1,000.
    public var gridBatchSize: Int
    /// Close after a passed check when no call-back is due. Default `true`.
    public var autoClose: Bool
    /// Largest page of `GET /v1/cases`. Default 200.
    public var pageSizeLimit: Int
    /// Kafka consumer group. Default `intake`.
    public var consumerGroup: String

    /// Settings with every default (tests).
    public init(
        timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai")!, gridBatchSize: Int = 1_000, autoClose: Bool = true,
        pageSizeLimit: Int = 200, consumerGroup: String = "intake"
    ) {
        self.timeZone = timeZone
        self.gridBatchSize = gridBatchSize
        self.autoClose = autoClose
        self.pageSizeLimit = pageSizeLimit
        self.consumerGroup = consumerGroup
    }

    /// Reads the keys, recording every problem in `reader`.
    public init?(reading reader: inout SettingsReader) {
        let zone = reader.value(Self.timeZone, default: TimeZone(identifier: "Asia/Shanghai")!) { text throws(InvalidSettingValue) in
            guard let zone = TimeZone(identifier: text) else { throw InvalidSettingValue("not a known time zone") }
            return zone
        }
        self.init(
            timeZone: zone ?? TimeZone(identifier: "Asia/Shanghai")!,
            gridBatchSize: reader.int(Self.gridBatchSize, default: 1_000, in: 1...10_000),
            autoClose: reader.bool(Self.autoClose, default: true),
            pageSizeLimit: reader.int(Self.pageSizeLimit, default: 200, in: 1...1_000),
            consumerGroup: reader.string(Self.consumerGroup, default: "intake"))
    }
}
