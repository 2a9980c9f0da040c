import Foundation
import GridDomain
import SLAMonitorService
import Testing

/// Loading the city's deadline data at start-up: clear errors for missing or bad files and for a
/// calendar that does not cover today.
@Suite("Deadline reference loading")
struct DeadlineReferenceTests {
    func at(_ text: String) -> Date { SLAFixtures.at(text) }

    /// A copy of the sample city in a fresh directory (without the calendar beside it), removed after `body`.
    func withCityCopy<Result>(_ body: (URL) throws -> Result) throws -> Result {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sla-city-\(UUID().uuidString)")
        let city = root.appendingPathComponent("city")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(atPath: SLAFixtures.sampleCity, toPath: city.path)
        return try body(city)
    }

    var calendarDirectory: String { SLAFixtures.deployDirectory.appendingPathComponent("calendar").path }

    @Test("the sample city loads with the calendar beside it")
    func sampleCity() throws {
        let reference = SLAFixtures.reference
        #expect(reference.calendar.coveredYears == 2025...2026)
        #expect(reference.policy.rule(for: try CategoryCode("E0102"), stage: .dispose, areaClass: AreaClass("core")).limit == .workingHours(2))
        #expect(reference.units.unit(SLAFixtures.streetUnit)?.level == .street)
    }

    @Test("without GRIDLOOP_CITY_DIR the service does not start")
    func missingCityDirectory() {
        let error = #expect(throws: SLAMonitorStartupError.self) {
            try DeadlineReference.load(cityDirectory: nil, settings: SLAMonitorSettings(), logger: SLAFixtures.logger)
        }
        #expect(error?.code == .cityDirectoryMissing)
    }

    @Test("a bad policy row stops the start naming file and line")
    func badPolicyRow() throws {
        try withCityCopy { city in
            let policy = city.appendingPathComponent("deadline-policy.csv")
            var text = try String(contentsOf: policy, encoding: .utf8)
            text += "E0102,sign_for,downtown,1,working_hours,0.8,supervising,typo\n"
            try text.write(to: policy, atomically: true, encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
            let error = #expect(throws: SLAMonitorStartupError.self) {
                try DeadlineReference.load(
                    cityDirectory: city.path, settings: SLAMonitorSettings(calendarDirectory: calendarDirectory), now: at("2025-06-01 10:00"),
                    logger: SLAFixtures.logger)
            }
            #expect(error?.code == .cityData)
            #expect(error?.message.contains("deadline-policy.csv:\(lines): unknown area class 'downtown'") == true)
        }
    }

    @Test("SLA_DEADLINE_POLICY_FILE replaces the city's policy; a missing file stops the start naming it")
    func policyFileSetting() throws {
        let short = try DeadlineReference.load(
            cityDirectory: SLAFixtures.sampleCity, settings: SLAMonitorSettings(deadlinePolicyFile: SLAFixtures.shortPolicyFile),
            now: at("2025-06-01 10:00"), logger: SLAFixtures.logger)
        let category = try CategoryCode("E0102")
        #expect(short.policy.rule(for: category, stage: .signFor, areaClass: AreaClass("general")).limit == .naturalSeconds(20))
        #expect(SLAFixtures.reference.policy.rule(for: category, stage: .signFor, areaClass: AreaClass("general")).limit != .naturalSeconds(20))
        let missing = SLAFixtures.deployDirectory.appendingPathComponent("policies/no-such-policy.csv").path
        let error = #expect(throws: SLAMonitorStartupError.self) {
            try DeadlineReference.load(
                cityDirectory: SLAFixtures.sampleCity, settings: SLAMonitorSettings(deadlinePolicyFile: missing),
                now: at("2025-06-01 10:00"), logger: SLAFixtures.logger)
        }
        #expect(error?.code == .cityData)
        #expect(error?.message.contains("no-such-policy.csv") == true)
    }

    @Test("the holiday schedules must be found; SLA_CALENDAR_DIR points at them")
    func calendarDirectorySetting() throws {
        try withCityCopy { city in
            let error = #expect(throws: SLAMonitorStartupError.self) {
                try DeadlineReference.load(cityDirectory: city.path, settings: SLAMonitorSettings(), logger: SLAFixtures.logger)
            }
            #expect(error?.code == .calendarData)
            #expect(error?.message.contains("SLA_CALENDAR_DIR") == true)
            let reference = try DeadlineReference.load(
                cityDirectory: city.path, settings: SLAMonitorSettings(calendarDirectory: calendarDirectory), now: at("2025-06-01 10:00"),
                logger: SLAFixtures.logger)
            #expect(reference.calendar.coveredYears == 2025...2026)
        }
    }

    @Test("a calendar that does not cover today stops the start; assumed years are an explicit stopgap")
    func coverage() throws {
        let error = #expect(throws: SLAMonitorStartupError.self) {
            try DeadlineReference.load(
                cityDirectory: SLAFixtures.sampleCity, settings: SLAMonitorSettings(), now: at("2028-01-10 10:00"), logger: SLAFixtures.logger)
        }
        #expect(error?.code == .calendarCoverage)
        #expect(error?.message.contains("add cn-2028.csv") == true)
        let stopgap = try DeadlineReference.load(
            cityDirectory: SLAFixtures.sampleCity, settings: SLAMonitorSettings(assumedYears: 2), now: at("2028-01-10 10:00"),
            logger: SLAFixtures.logger)
        #expect(stopgap.calendar.isAssumed(year: 2028))
        #expect(!stopgap.calendar.isAssumed(year: 2026))
    }

    @Test("the short test policy (deploy/policies) loads in a copy of the sample city")
    func shortTestPolicy() throws {
        try withCityCopy { city in
            let policy = city.appendingPathComponent("deadline-policy.csv")
            try FileManager.default.removeItem(at: policy)
            try FileManager.default.copyItem(
                at: SLAFixtures.deployDirectory.appendingPathComponent("policies/short-test-deadline-policy.csv"), to: policy)
            let reference = try DeadlineReference.load(
                cityDirectory: city.path, settings: SLAMonitorSettings(calendarDirectory: calendarDirectory), now: at("2025-06-01 10:00"),
                logger: SLAFixtures.logger)
            #expect(reference.policy.rule(for: nil, stage: .signFor, areaClass: nil).limit == .naturalSeconds(20))
            #expect(reference.policy.rule(for: try CategoryCode("E0401"), stage: .signFor, areaClass: nil).escalation == .level(.district))
        }
    }
}
