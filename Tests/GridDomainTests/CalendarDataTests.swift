import Foundation
import GridDomain
import Testing
import TestSupport

/// Loading holiday schedules and working hours, their errors, coverage and the explicit fallback.
@Suite("Working calendar data")
struct CalendarDataTests {
    func at(_ text: String) -> Date { CalendarFixtures.at(text) }

    @Test("the shipped schedules cover 2025 and 2026 with the State Council's days")
    func shippedSchedules() throws {
        let schedule = CalendarFixtures.schedule
        #expect(schedule.years == [2025, 2026])
        let holidays = schedule.entries.filter { $0.kind == .holiday }.reduce(0) { $0 + $1.dates.count }
        let makeups = schedule.entries.filter { $0.kind == .workday }.flatMap(\.dates).map(\.description).sorted()
        // 2025: 1 + 8 + 3 + 5 + 3 + 8 = 28 days off; 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7 = 33.
        #expect(holidays == 61)
        #expect(makeups == [
            "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
            "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
        ])
        #expect(CalendarFixtures.calendar.coveredYears == 2025...2026)
    }

    @Test("the sample city's working hours load, with summer hours")
    func sampleCityHours() throws {
        let hours = try WorkingHours(contentsOf: RepositoryFiles.deploy("sample-city/working-hours.csv"))
        #expect(hours.intervals(on: CivilDate("2025-03-03")!).map(\.description) == ["08:30–12:00", "13:30–17:30"])
        #expect(hours.intervals(on: CivilDate("2025-07-01")!).map(\.description) == ["08:30–12:00", "14:00–18:00"])
        let calendar = try WorkingCalendar(schedule: CalendarFixtures.schedule, hours: hours)
        // Summer: Tue 1 Jul 2025 11:00 + 2 h = 11:00–12:00, then 14:00–15:00.
        let due = try calendar.adding(workingTime: CalendarFixtures.hours(2), to: at("2025-07-01 11:00"))
        #expect(CalendarFixtures.text(due) == "2025-07-01 15:00")
    }

    @Test("a season may run over the new year")
    func winterSeason() throws {
        let hours = try WorkingHours(
            csv: "start,end,season_from,season_to\n09:00,17:00,,\n09:00,12:00,12-15,01-15\n13:00,16:00,12-15,01-15\n",
            file: "winter.csv")
        #expect(hours.intervals(on: CivilDate("2025-12-20")!).count == 2)
        #expect(hours.intervals(on: CivilDate("2026-01-10")!).count == 2)
        #expect(hours.intervals(on: CivilDate("2026-01-16")!).map(\.description) == ["09:00–17:00"])
    }

    @Test("dates outside the covered years are a clear error")
    func outsideCoverage() throws {
        let calendar = CalendarFixtures.calendar
        let error = try #require(throws: CalendarError.self) { try calendar.clockStart(for: at("2027-01-04 10:00")) }
        #expect(error.code == .outsideCoverage)
        #expect(error.message.contains("2027"))
        #expect(error.message.contains("2025–2026"))
        #expect(throws: CalendarError.self) { try calendar.workingTime(from: at("2024-12-31 10:00"), to: at("2025-01-02 10:00")) }
        #expect(throws: CalendarError.self) { try calendar.dayKind(of: CivilDate("2027-02-10")!) }
        // A deadline that would fall in 2027 is refused too.
        let late = try #require(throws: CalendarError.self) { try calendar.addingWorkingDays(5, to: at("2026-12-29 10:00")) }
        #expect(late.code == .outsideCoverage)
        #expect(throws: CalendarError.self) { try calendar.adding(workingTime: CalendarFixtures.hours(40), to: at("2026-12-29 10:00")) }
    }

    @Test("the explicit fallback treats the next year as ordinary weeks and says so")
    func ordinaryWeeksFallback() throws {
        let calendar = try WorkingCalendar(
            schedule: CalendarFixtures.schedule, hours: CalendarFixtures.plainHours,
            configuration: .init(uncoveredYears: .assumeOrdinaryWeeks(years: 1)))
        #expect(calendar.supportedYears == 2024...2027)
        #expect(calendar.isAssumed(year: 2027))
        #expect(!calendar.isAssumed(year: 2026))
        #expect(try calendar.dayKind(of: CivilDate("2027-01-01")!) == .workday)  // a guess: no holiday data
        let due = try calendar.addingWorkingDays(5, to: at("2026-12-29 10:00"))
        #expect(CalendarFixtures.text(due) == "2027-01-05 10:00")
        #expect(throws: CalendarError.self) { try calendar.clockStart(for: at("2028-01-03 10:00")) }
    }

    @Test("schedule files with errors are refused with their line numbers", arguments: [
        ("year,kind,first,last,name\n2025,holiday,2025-01-01,,元旦\n2025,vacation,2025-05-01,,劳动节\n", 3, "kind 'vacation'"),
        ("year,kind,first,last,name\n2025,holiday,2025-13-01,,元旦\n", 2, "first '2025-13-01'"),
        ("year,kind,first,last,name\n2025,holiday,2025-02-30,,元旦\n", 2, "first '2025-02-30'"),
        ("year,kind,first,last,name\n2025,holiday,2025-05-05,2025-05-01,劳动节\n", 2, "before first"),
        ("year,kind,first,last,name\n2025,holiday,2025-01-28,2025-02-04,春节\n# note\n2025,holiday,2025-02-01,,春节\n", 4, "already listed on line 2"),
        ("year,kind,first,last,name\n2025,holiday,2027-01-01,,元旦\n", 2, "too far"),
        ("year,kind,first,last,name\n25,holiday,2025-01-01,,元旦\n", 2, "four-digit year"),
        ("year,kind,first,last,name\n2025,holiday,2025-01-01,,\n", 2, "column 'name' is empty"),
        ("year,kind,first,last,name\n2025,holiday,2025-01-01,2025-03-01,元旦\n", 2, "longer than a month"),
        ("year,kind,name\n2025,holiday,元旦\n", 1, "missing column(s) first"),
    ])
    func scheduleErrors(text: String, line: Int, message: String) {
        let error = #expect(throws: DataFileError.self) { try HolidaySchedule(csv: text, file: "bad.csv") }
        #expect(error?.line == line)
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
        #expect(error?.file == "bad.csv")
    }

    @Test("a schedule file without entries covers no year and is refused")
    func emptySchedule() {
        let error = #expect(throws: DataFileError.self) { try HolidaySchedule(csv: "year,kind,first,last,name\n", file: "empty.csv") }
        #expect(error?.message.contains("no holidays") == true)
    }

    @Test("a makeup workday on a weekday, a gap between years and a year given twice are refused")
    func inconsistentSchedules() throws {
        let weekday = try HolidaySchedule(csv: "year,kind,first,last,name\n2025,workday,2025-01-27,,春节调休上班\n", file: "w.csv")
        let error = #expect(throws: CalendarError.self) {
            try WorkingCalendar(schedule: weekday, hours: CalendarFixtures.plainHours)
        }
        #expect(error?.code == .invalidData)
        #expect(error?.message.contains("w.csv:2") == true)

        let y2025 = try HolidaySchedule(csv: "year,kind,first,last,name\n2025,holiday,2025-01-01,,元旦\n", file: "a.csv")
        let y2027 = try HolidaySchedule(csv: "year,kind,first,last,name\n2027,holiday,2027-01-01,,元旦\n", file: "b.csv")
        let gap = #expect(throws: CalendarError.self) {
            try WorkingCalendar(schedule: HolidaySchedule(merging: [y2025, y2027]), hours: CalendarFixtures.plainHours)
        }
        #expect(gap?.message.contains("except 2026") == true)

        let again = try HolidaySchedule(csv: "year,kind,first,last,name\n2025,holiday,2025-05-01,,劳动节\n", file: "c.csv")
        let twice = #expect(throws: CalendarError.self) { try HolidaySchedule(merging: [y2025, again]) }
        #expect(twice?.message.contains("2025 are given twice") == true)

        let zone = #expect(throws: CalendarError.self) {
            try WorkingCalendar(schedule: y2025, hours: CalendarFixtures.plainHours, configuration: .init(timeZoneIdentifier: "Mars/Olympus"))
        }
        #expect(zone?.message.contains("Mars/Olympus") == true)
    }

    @Test("working-hours files with errors are refused with their line numbers", arguments: [
        ("start,end\n08:30,12:00\n13:30,25:00\n", 3, "end '25:00'"),
        ("start,end\n08:30,12:00\n8h30,17:30\n", 3, "start '8h30'"),
        ("start,end\n12:00,08:30\n", 2, "must end after it starts"),
        ("start,end\n08:30,12:00\n11:00,17:30\n", 3, "overlaps 08:30–12:00 (line 2)"),
        ("start,end,season_from,season_to\n08:30,17:30,,\n08:30,12:00,06-01,\n", 3, "both season_from and season_to"),
        ("start,end,season_from,season_to\n08:30,17:30,,\n08:30,12:00,06-31,09-30\n", 3, "season_from '06-31'"),
        ("start,end,season_from,season_to\n08:30,17:30,06-01,09-30\n", nil, "no standard working period"),
        ("start,end,season_from,season_to\n08:30,17:30,,\n09:00,12:00,06-01,09-30\n09:00,12:00,09-01,10-31\n", nil, "overlap"),
        ("start\n08:30\n", 1, "missing column(s) end"),
    ] as [(String, Int?, String)])
    func workingHoursErrors(text: String, line: Int?, message: String) {
        let error = #expect(throws: DataFileError.self) { try WorkingHours(csv: text, file: "hours.csv") }
        #expect(error?.line == line)
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
    }

    @Test("civil dates: parsing, weekdays and day arithmetic")
    func civilDates() {
        #expect(CivilDate("2025-01-28")?.weekday == .tuesday)
        #expect(CivilDate("2026-02-15")?.weekday == .sunday)
        #expect(CivilDate("2024-02-29") != nil)
        #expect(CivilDate("2025-02-29") == nil)
        #expect(CivilDate("2025-1-28") == nil)
        #expect(CivilDate("2025-12-31")!.adding(days: 1) == CivilDate("2026-01-01")!)
        #expect(CivilDate(dayNumber: 0) == CivilDate("1970-01-01")!)
        #expect(CivilDate("1969-12-31")!.dayNumber == -1)
        #expect(TimeOfDay("24:00")?.minutes == 1440)
        #expect(TimeOfDay("24:01") == nil)
        #expect(TimeOfDay("7:05")?.description == "07:05")
    }
}
