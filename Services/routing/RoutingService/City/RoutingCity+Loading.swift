import Foundation
public import GridDomain

extension RoutingCity {
    /// Loads the city named by `settings`: `GRIDLOOP_CITY_DIR` for the reference data, the lifecycle's
    /// choices (`lifecycle.csv`, the same file intake loads), the deadline policy
    /// (`deadline-policy.csv`) and working hours (`working-hours.csv`), and the holiday
    /// schedules from ``RoutingSettings/calendarDirectory`` (default: `calendar/` inside the city
    /// directory, else the `calendar` directory beside it, as in the repository's `deploy/`).
    /// - Throws: ``RoutingStartupError`` naming the file and line of the first problem.
    public static func load(settings: RoutingSettings) throws(RoutingStartupError) -> RoutingCity {
        let directory = URL(fileURLWithPath: settings.cityDirectory, isDirectory: true)
        let listFile = directory.appendingPathComponent(CityReferenceData.Configuration().responsibilityListFile)
        let version: String
        if let configured = settings.listVersion {
            version = configured
        } else {
            version = try defaultListVersion(of: listFile)
        }
        let reference: CityReferenceData
        let resolver: ResponsibilityResolver
        do {
            reference = try CityReferenceData(directory: directory.path, listVersion: version)
        } catch {
            throw RoutingStartupError(.invalidCity, "the city in \(directory.path) cannot be loaded: \(error)")
        }
        do {
            resolver = try reference.resolver()
        } catch {
            throw RoutingStartupError(.invalidCity, "the responsibility list cannot be compiled: \(error)")
        }
        let lifecycle: CaseLifecycle.Configuration
        do {
            lifecycle = try CaseLifecycle.Configuration(cityDirectory: directory)
        } catch {
            throw RoutingStartupError(.invalidCity, "the lifecycle configuration cannot be loaded: \(error)")
        }
        let deadlines = try loadDeadlines(
            cityDirectory: directory, calendarDirectory: settings.calendarDirectory, reference: reference)
        return RoutingCity(
            reference: reference, resolver: resolver, lifecycle: CaseLifecycle(configuration: lifecycle), deadlines: deadlines)
    }

    /// `sha-` plus 16 hex digits of a 64-bit FNV-1a digest of the list file: a label that changes
    /// whenever the list does (not a security measure).
    static func defaultListVersion(of file: URL) throws(RoutingStartupError) -> String {
        let bytes: Data
        do {
            bytes = try Data(contentsOf: file)
        } catch {
            throw RoutingStartupError(.invalidCity, "cannot read the responsibility list \(file.path): \(error.localizedDescription)")
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "sha-" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    private static func loadDeadlines(
        cityDirectory: URL, calendarDirectory: String?, reference: CityReferenceData
    ) throws(RoutingStartupError) -> DeadlinePreview {
        let calendarURL: URL
        if let calendarDirectory {
            calendarURL = URL(fileURLWithPath: calendarDirectory, isDirectory: true)
        } else {
            let inside = cityDirectory.appendingPathComponent("calendar", isDirectory: true)
            let beside = cityDirectory.deletingLastPathComponent().appendingPathComponent("calendar", isDirectory: true)
            calendarURL = FileManager.default.fileExists(atPath: inside.path) ? inside : beside
        }
        do {
            let policy = try DeadlinePolicy(
                contentsOf: cityDirectory.appendingPathComponent("deadline-policy.csv"),
                areaClasses: Set(reference.places.areaClasses.map(\.code)),
                categories: Set(reference.catalog.definitions.map(\.code)))
            let hours = try WorkingHours(contentsOf: cityDirectory.appendingPathComponent("working-hours.csv"))
            let schedule = try HolidaySchedule(directory: calendarURL)
            let calendar: WorkingCalendar
            do {
                calendar = try WorkingCalendar(schedule: schedule, hours: hours)
            } catch {
                throw RoutingStartupError(.invalidCity, "the working calendar cannot be built: \(error)")
            }
            return DeadlinePreview(policy: policy, calendar: calendar)
        } catch let error as RoutingStartupError {
            throw error
        } catch {
            throw RoutingStartupError(.invalidCity, "\(error)")
        }
    }
}
