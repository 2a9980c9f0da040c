import Foundation
import GridRuntime
import SLAMonitorService
import Testing

/// The sla-monitor's own settings, read with the common ones from the environment.
@Suite("sla-monitor settings")
struct SettingsTests {
    static let required: [String: String] = [
        "DATABASE_HOST": "127.0.0.1", "DATABASE_NAME": "gridloop", "DATABASE_USER": "sla_monitor",
        "KAFKA_BROKERS": "127.0.0.1:9092", "AUTH_JWT_SECRET": String(repeating: "s", count: 32),
    ]

    func load(_ extra: [String: String]) throws(ConfigurationError) -> SLAMonitorSettings {
        let environment = Self.required.merging(extra) { _, new in new }
        return try ServiceConfiguration.load(
            service: SLAMonitor.name, source: .environment(environment), extra: SLAMonitorSettings.self
        ).1
    }

    @Test("the documented variable names")
    func names() {
        #expect(
            SLAMonitorSettings.settings.map(\.environmentName) == [
                "SLA_DEADLINE_POLICY_FILE", "SLA_CALENDAR_DIR", "SLA_CALENDAR_TIME_ZONE", "SLA_CALENDAR_ASSUMED_YEARS", "SLA_CALENDAR_WARNING_DAYS",
                "SLA_CONSUMER_BATCH_SIZE", "SLA_TIMER_BATCH_SIZE", "SLA_TIMER_MAX_SLEEP_SECONDS", "SLA_TIMER_ROUND_DEADLINE_SECONDS",
            ])
    }

    @Test("defaults apply when nothing is set")
    func defaults() throws {
        let settings = try load([:])
        #expect(settings.deadlinePolicyFile == nil)
        #expect(settings.calendarDirectory == nil)
        #expect(settings.timeZoneIdentifier == "Asia/Shanghai")
        #expect(settings.assumedYears == 0)
        #expect(settings.coverageWarningDays == 60)
        #expect(settings.consumerBatchSize == 2000)
        #expect(settings.timerBatchSize == 500)
        #expect(settings.timerMaxSleep == .seconds(1))
        #expect(settings.timerRoundDeadline == .seconds(60))
    }

    @Test("values are read from the environment")
    func values() throws {
        let settings = try load([
            "SLA_DEADLINE_POLICY_FILE": "deploy/policies/short-test-deadline-policy.csv", "SLA_CALENDAR_DIR": "/srv/calendar", "SLA_CALENDAR_ASSUMED_YEARS": "1", "SLA_CONSUMER_BATCH_SIZE": "200", "SLA_TIMER_BATCH_SIZE": "50",
            "SLA_TIMER_MAX_SLEEP_SECONDS": "0.25", "SLA_TIMER_ROUND_DEADLINE_SECONDS": "2.5",
        ])
        #expect(settings.deadlinePolicyFile == "deploy/policies/short-test-deadline-policy.csv")
        #expect(settings.calendarDirectory == "/srv/calendar")
        #expect(settings.assumedYears == 1)
        #expect(settings.consumerBatchSize == 200)
        #expect(settings.timerBatchSize == 50)
        #expect(settings.timerMaxSleep == .milliseconds(250))
        #expect(settings.timerRoundDeadline == .milliseconds(2500))
    }

    @Test("every invalid value is reported at once")
    func invalid() {
        let error = #expect(throws: ConfigurationError.self) {
            try load(["SLA_CALENDAR_ASSUMED_YEARS": "9", "SLA_TIMER_BATCH_SIZE": "many", "SLA_TIMER_MAX_SLEEP_SECONDS": "0.001"])
        }
        let text = error.map { "\($0)" } ?? ""
        #expect(text.contains("SLA_CALENDAR_ASSUMED_YEARS is invalid (\"9\": out of range 0…5)"))
        #expect(text.contains("SLA_TIMER_BATCH_SIZE is invalid (\"many\": not an integer)"))
        #expect(text.contains("SLA_TIMER_MAX_SLEEP_SECONDS is invalid"))
    }
}
