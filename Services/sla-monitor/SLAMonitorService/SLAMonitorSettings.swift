public import GridRuntime

/// The sla-monitor's own configuration keys, read with the common ones (see `docs/configuration.md`).
///
/// The city's deadline policy, working hours, catalog, places and units come from `GRIDLOOP_CITY_DIR`
/// (required by this service); the national holiday schedules from ``calendarDirectory``; another
/// deadline policy (a short test policy) may replace the city's with ``deadlinePolicyFile``.
public struct SLAMonitorSettings: ServiceSettings {
    /// `SLA_DEADLINE_POLICY_FILE`: a deadline policy used instead of the city's `deadline-policy.csv`.
    public static let deadlinePolicyFileSetting = ConfigurationSetting(
        key: "sla.deadlinePolicyFile", expected: "a deadline policy CSV file (absolute, or relative to the working directory)",
        default: "`deadline-policy.csv` inside GRIDLOOP_CITY_DIR",
        summary: "Replaces the city's deadline policy, e.g. with deploy/policies/short-test-deadline-policy.csv for end-to-end tests and drills.")
    /// `SLA_CALENDAR_DIR`: the directory of the national holiday schedules (`cn-YYYY.csv`).
    public static let calendarDirectorySetting = ConfigurationSetting(
        key: "sla.calendarDir", expected: "a directory of holiday schedule files (*.csv)",
        default: "`calendar` inside GRIDLOOP_CITY_DIR if present, else the `calendar` directory beside it (deploy/calendar)",
        summary: "National holiday schedules (节假日安排) the working calendar is built from.")
    /// `SLA_CALENDAR_TIME_ZONE`: the IANA time zone of working hours.
    public static let timeZoneSetting = ConfigurationSetting(
        key: "sla.calendarTimeZone", expected: "an IANA time zone identifier", default: "Asia/Shanghai",
        summary: "Time zone of the city's working hours and dates.")
    /// `SLA_CALENDAR_ASSUMED_YEARS`: how many years beyond the schedules count as ordinary weeks.
    public static let assumedYearsSetting = ConfigurationSetting(
        key: "sla.calendarAssumedYears", expected: "an integer 0…5", default: "0 (years without a schedule are refused)",
        summary: "Years before/after the loaded schedules treated as weeks without holidays (a logged stopgap until the notice is loaded).")
    /// `SLA_CALENDAR_WARNING_DAYS`: how far ahead the calendar must reach before start-up warns.
    public static let coverageWarningSetting = ConfigurationSetting(
        key: "sla.calendarWarningDays", expected: "an integer 0…3650", default: "60",
        summary: "Start-up logs a warning when the calendar ends fewer than this many days from now.")
    /// `SLA_CONSUMER_BATCH_SIZE`: most lifecycle records per consumer batch (one transaction).
    public static let consumerBatchSizeSetting = ConfigurationSetting(
        key: "sla.consumerBatchSize", expected: "an integer 1…5000", default: "2000",
        summary: "Most lifecycle events the consumer applies in one transaction (one read and one write of their cases).")
    /// `SLA_TIMER_BATCH_SIZE`: most clocks one timer round claims.
    public static let timerBatchSizeSetting = ConfigurationSetting(
        key: "sla.timerBatchSize", expected: "an integer 1…10000", default: "500",
        summary: "Most due clocks a timer round claims (FOR UPDATE SKIP LOCKED) and issues cards for in one transaction.")
    /// `SLA_TIMER_MAX_SLEEP_SECONDS`: the longest the timer sleeps between rounds.
    public static let timerMaxSleepSetting = ConfigurationSetting(
        key: "sla.timerMaxSleepSeconds", expected: "seconds ≥ 0.05 (decimals allowed)", default: "1",
        summary: "Longest sleep of the timer before it looks for due clocks again (it is also woken by NOTIFY).")
    /// `SLA_TIMER_ROUND_DEADLINE_SECONDS`: the longest one timer round's database work may take.
    public static let timerRoundDeadlineSetting = ConfigurationSetting(
        key: "sla.timerRoundDeadlineSeconds", expected: "seconds ≥ 1 (decimals allowed)", default: "60",
        summary: "A timer round still unfinished after this is given up: its connection is closed (the server rolls the round back) and the next round claims the clocks again.")

    /// Every key, for documentation and tests.
    public static var settings: [ConfigurationSetting] {
        [
            deadlinePolicyFileSetting, calendarDirectorySetting, timeZoneSetting, assumedYearsSetting, coverageWarningSetting,
            consumerBatchSizeSetting, timerBatchSizeSetting, timerMaxSleepSetting, timerRoundDeadlineSetting,
        ]
    }

    /// The deadline policy file replacing the city's, or `nil` for the city's `deadline-policy.csv`.
    public var deadlinePolicyFile: String?
    /// The holiday schedule directory, or `nil` for the default beside the city.
    public var calendarDirectory: String?
    /// The time zone of working hours. Default `Asia/Shanghai`.
    public var timeZoneIdentifier: String
    /// Years assumed to be ordinary weeks. Default 0.
    public var assumedYears: Int
    /// Days of calendar coverage below which start-up warns. Default 60.
    public var coverageWarningDays: Int
    /// Most lifecycle records per consumer batch. Default 2000.
    public var consumerBatchSize: Int
    /// Most clocks per timer round. Default 500.
    public var timerBatchSize: Int
    /// Longest timer sleep. Default 1 s.
    public var timerMaxSleep: Duration
    /// Longest database work of one timer round before it is given up. Default 60 s.
    public var timerRoundDeadline: Duration

    /// Settings with every default (tests).
    public init(
        deadlinePolicyFile: String? = nil, calendarDirectory: String? = nil, timeZoneIdentifier: String = "Asia/Shanghai",
        assumedYears: Int = 0, coverageWarningDays: Int = 60, consumerBatchSize: Int = 2000, timerBatchSize: Int = 500,
        timerMaxSleep: Duration = .seconds(1), timerRoundDeadline: Duration = .seconds(60)
    ) {
        self.deadlinePolicyFile = deadlinePolicyFile
        self.calendarDirectory = calendarDirectory
        self.timeZoneIdentifier = timeZoneIdentifier
        self.assumedYears = assumedYears
        self.coverageWarningDays = coverageWarningDays
        self.consumerBatchSize = consumerBatchSize
        self.timerBatchSize = timerBatchSize
        self.timerMaxSleep = timerMaxSleep
        self.timerRoundDeadline = timerRoundDeadline
    }

    /// Reads the keys; problems are recorded in `reader`.
    public init?(reading reader: inout SettingsReader) {
        self.init(
            deadlinePolicyFile: reader.optionalString(Self.deadlinePolicyFileSetting),
            calendarDirectory: reader.optionalString(Self.calendarDirectorySetting),
            timeZoneIdentifier: reader.string(Self.timeZoneSetting, default: "Asia/Shanghai"),
            assumedYears: reader.int(Self.assumedYearsSetting, default: 0, in: 0...5),
            coverageWarningDays: reader.int(Self.coverageWarningSetting, default: 60, in: 0...3650),
            consumerBatchSize: reader.int(Self.consumerBatchSizeSetting, default: 2000, in: 1...5_000),
            timerBatchSize: reader.int(Self.timerBatchSizeSetting, default: 500, in: 1...10_000),
            timerMaxSleep: reader.seconds(Self.timerMaxSleepSetting, default: .seconds(1), minimum: .milliseconds(50)),
            timerRoundDeadline: reader.seconds(Self.timerRoundDeadlineSetting, default: .seconds(60), minimum: .seconds(1)))
    }
}
