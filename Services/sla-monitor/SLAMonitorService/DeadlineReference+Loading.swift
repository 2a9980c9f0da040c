public import Foundation
import GridDomain
public import Logging

extension DeadlineReference {
    /// File names inside the city directory.
    public struct Files: Sendable, Hashable {
        /// The deadline policy. Default `deadline-policy.csv`.
        public var deadlinePolicy = "deadline-policy.csv"
        /// The working hours. Default `working-hours.csv`.
        public var workingHours = "working-hours.csv"

        /// The default names.
        public init() {}
    }

    /// Loads the city's deadline data at start-up.
    ///
    /// Reads places, catalog and units (`CityReferenceData`), the deadline policy (the city's, or
    /// `settings.deadlinePolicyFile` instead; rows naming unknown area classes or categories are
    /// refused), the working hours, and the holiday schedules in
    /// `calendarDirectory` (default: `calendar` inside the city directory, else beside it). Refuses to
    /// start when the calendar does not cover `now`; logs a warning when it ends within
    /// `coverageWarningDays` days or when assumed years are in use.
    /// - Throws: ``SLAMonitorStartupError`` naming the file and line, or the setting, to fix.
    public static func load(
        cityDirectory: String?, settings: SLAMonitorSettings, files: Files = Files(), now: Date = Date(), logger: Logger
    ) throws(SLAMonitorStartupError) -> DeadlineReference {
        guard let cityDirectory else {
            throw SLAMonitorStartupError(
                code: .cityDirectoryMissing, message: "GRIDLOOP_CITY_DIR is not set; the monitor needs the city's deadline policy and calendar")
        }
        let city = URL(fileURLWithPath: cityDirectory, isDirectory: true)
        let policyFile = settings.deadlinePolicyFile.map { URL(fileURLWithPath: $0) }
            ?? city.appendingPathComponent(files.deadlinePolicy)
        let reference: CityReferenceData
        let policy: DeadlinePolicy
        let hours: WorkingHours
        do {
            reference = try CityReferenceData(directory: cityDirectory, listVersion: "sla-monitor")
            policy = try DeadlinePolicy(
                contentsOf: policyFile,
                areaClasses: Set(reference.places.areaClasses.map(\.code)),
                categories: Set(reference.catalog.definitions.map(\.code)))
            hours = try WorkingHours(contentsOf: city.appendingPathComponent(files.workingHours))
        } catch {
            throw SLAMonitorStartupError(code: .cityData, message: error.description)
        }
        if settings.deadlinePolicyFile != nil {
            logger.notice(
                "deadline policy replaced by SLA_DEADLINE_POLICY_FILE (not the city's deadline-policy.csv)",
                metadata: ["policy.file": "\(policyFile.path)", "policy.rules": "\(policy.rules.count)"])
        }
        let calendarDirectory = settings.calendarDirectory.map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? defaultCalendarDirectory(city: city)
        let calendar: WorkingCalendar
        do {
            let schedule = try HolidaySchedule(directory: calendarDirectory)
            calendar = try WorkingCalendar(
                schedule: schedule, hours: hours,
                configuration: .init(
                    timeZoneIdentifier: settings.timeZoneIdentifier,
                    uncoveredYears: settings.assumedYears > 0 ? .assumeOrdinaryWeeks(years: settings.assumedYears) : .reject))
        } catch let error as DataFileError {
            throw SLAMonitorStartupError(
                code: .calendarData, message: "\(error.description) (set SLA_CALENDAR_DIR to the holiday schedules' directory)")
        } catch {
            throw SLAMonitorStartupError(code: .calendarData, message: "\(error)")
        }
        try checkCoverage(of: calendar, now: now, warningDays: settings.coverageWarningDays, directory: calendarDirectory, logger: logger)
        return DeadlineReference(policy: policy, calendar: calendar, units: reference.units)
    }

    /// `<city>/calendar` when it exists, else `calendar` beside the city directory.
    static func defaultCalendarDirectory(city: URL) -> URL {
        let inside = city.appendingPathComponent("calendar", isDirectory: true)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: inside.path, isDirectory: &isDirectory), isDirectory.boolValue {
            return inside
        }
        return city.deletingLastPathComponent().appendingPathComponent("calendar", isDirectory: true)
    }

    /// The year `date` falls in, in the calendar's time zone.
    static func year(of date: Date, in calendar: WorkingCalendar) -> Int {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = calendar.timeZone
        return gregorian.component(.year, from: date)
    }

    private static func checkCoverage(
        of calendar: WorkingCalendar, now: Date, warningDays: Int, directory: URL, logger: Logger
    ) throws(SLAMonitorStartupError) {
        let thisYear = year(of: now, in: calendar)
        guard calendar.supportedYears.contains(thisYear) else {
            throw SLAMonitorStartupError(
                code: .calendarCoverage,
                message: "the holiday schedules in \(directory.path) cover \(calendar.coveredYears.lowerBound)–\(calendar.coveredYears.upperBound), not \(thisYear); add cn-\(thisYear).csv from the State Council's notice (or set SLA_CALENDAR_ASSUMED_YEARS as a stopgap)")
        }
        let horizon = now.addingTimeInterval(TimeInterval(warningDays) * 86_400)
        let horizonYear = year(of: horizon, in: calendar)
        if !calendar.supportedYears.contains(horizonYear) {
            logger.warning(
                "the working calendar ends soon: deadlines after it are refused and their events dead-lettered",
                metadata: [
                    "calendar.last_year": "\(calendar.supportedYears.upperBound)", "calendar.directory": "\(directory.path)",
                    "action": "add cn-\(calendar.supportedYears.upperBound + 1).csv when the State Council publishes it",
                ])
        }
        let assumed = calendar.supportedYears.filter { calendar.isAssumed(year: $0) }
        if !assumed.isEmpty {
            logger.warning(
                "the working calendar assumes ordinary weeks (no holidays) for years without a schedule",
                metadata: ["calendar.assumed_years": "\(assumed.map(String.init).joined(separator: ","))"])
        }
    }
}
