import Foundation
import GridDomain
import Testing

/// Working-time arithmetic on the shipped 2025/2026 schedules with 08:30–12:00 and 13:30–17:30 hours.
@Suite("Working calendar arithmetic")
struct CalendarArithmeticTests {
    let calendar = CalendarFixtures.calendar
    func at(_ text: String) -> Date { CalendarFixtures.at(text) }
    func text(_ date: Date) -> String { CalendarFixtures.text(date) }

    @Test("day kinds around the 2025 Spring Festival")
    func springFestivalDayKinds() throws {
        let kinds = try (25...31).map { try calendar.dayKind(of: CivilDate(year: 2025, month: 1, day: $0)!) }
        #expect(kinds == [
            .weekend,  // Sat 25
            .makeupWorkday("春节调休上班"),  // Sun 26
            .workday,  // Mon 27
            .holiday("春节"), .holiday("春节"), .holiday("春节"), .holiday("春节"),  // 28–31
        ])
        #expect(try calendar.dayKind(of: CivilDate("2025-02-04")!) == .holiday("春节"))
        #expect(try calendar.dayKind(of: CivilDate("2025-02-05")!) == .workday)
        #expect(try calendar.dayKind(of: CivilDate("2025-02-08")!) == .makeupWorkday("春节调休上班"))
        #expect(try calendar.dayKind(of: CivilDate("2025-02-09")!) == .weekend)
    }

    @Test("working hours carry over the Spring Festival week")
    func addAcrossSpringFestival() throws {
        // Mon 27 Jan 15:00: 2.5 h left that day, the remaining 1.5 h after the holiday (Wed 5 Feb).
        let due = try calendar.adding(workingTime: CalendarFixtures.hours(4), to: at("2025-01-27 15:00"))
        #expect(text(due) == "2025-02-05 10:00")
        #expect(try calendar.workingTime(from: at("2025-01-27 15:00"), to: due) == CalendarFixtures.hours(4))
    }

    @Test("one working day before the Spring Festival lands after it")
    func workingDayAcrossSpringFestival() throws {
        #expect(text(try calendar.addingWorkingDays(1, to: at("2025-01-27 10:00"))) == "2025-02-05 10:00")
        // Sun 26 Jan is a makeup workday, so Fri 24 + 1 working day is Sunday.
        #expect(text(try calendar.addingWorkingDays(1, to: at("2025-01-24 16:15"))) == "2025-01-26 16:15")
    }

    @Test("makeup Saturday 8 Feb 2025 has working hours")
    func makeupSaturday() throws {
        let due = try calendar.adding(workingTime: CalendarFixtures.hours(2), to: at("2025-02-07 16:30"))
        #expect(text(due) == "2025-02-08 09:30")
        #expect(try calendar.isWorkingTime(at("2025-02-08 10:00")))
        #expect(try !calendar.isWorkingTime(at("2025-02-09 10:00")))
    }

    @Test("makeup Sunday 26 Jan 2025: a Saturday-evening report starts on Sunday morning")
    func makeupSunday() throws {
        #expect(text(try calendar.clockStart(for: at("2025-01-25 20:00"))) == "2025-01-26 08:30")
    }

    @Test("elapsed working time across the Spring Festival")
    func elapsedAcrossSpringFestival() throws {
        // Fri 24: 0.5 h; Sun 26 (makeup): 7.5 h; Mon 27: 7.5 h; 28 Jan–4 Feb: holiday; Wed 5 Feb: 0.5 h.
        let elapsed = try calendar.workingTime(from: at("2025-01-24 17:00"), to: at("2025-02-05 09:00"))
        #expect(elapsed == CalendarFixtures.hours(16))
        #expect(try calendar.workingTime(from: at("2025-02-05 09:00"), to: at("2025-01-24 17:00")) == CalendarFixtures.hours(-16))
    }

    @Test("National Day 2025: makeup Sunday 28 Sep and Saturday 11 Oct")
    func nationalDay() throws {
        #expect(try calendar.dayKind(of: CivilDate("2025-09-28")!) == .makeupWorkday("国庆节调休上班"))
        #expect(try calendar.dayKind(of: CivilDate("2025-10-06")!) == .holiday("国庆节、中秋节"))
        #expect(try calendar.dayKind(of: CivilDate("2025-10-11")!) == .makeupWorkday("国庆节调休上班"))
        // Tue 30 Sep + 3 working days: Thu 9, Fri 10, Sat 11 Oct.
        #expect(text(try calendar.addingWorkingDays(3, to: at("2025-09-30 16:00"))) == "2025-10-11 16:00")
        #expect(text(try calendar.clockStart(for: at("2025-09-27 10:00"))) == "2025-09-28 08:30")
        #expect(try calendar.workingTime(from: at("2025-09-30 17:00"), to: at("2025-10-09 09:00")) == CalendarFixtures.hours(1))
        let due = try calendar.adding(workingTime: CalendarFixtures.hours(8), to: at("2025-09-30 15:00"))
        #expect(text(due) == "2025-10-09 15:30")  // 2.5 h on 30 Sep, 3.5 h + 2 h on 9 Oct
    }

    @Test("deadlines run from 2025 into 2026 over New Year and its makeup Sunday")
    func acrossYears() throws {
        // 31 Dec 2025 17:00: 0.5 h, then 1–3 Jan 2026 off, Sun 4 Jan 2026 is a makeup workday.
        let due = try calendar.adding(workingTime: CalendarFixtures.hours(1), to: at("2025-12-31 17:00"))
        #expect(text(due) == "2026-01-04 09:00")
        #expect(try calendar.dayKind(of: CivilDate("2026-02-14")!) == .makeupWorkday("春节调休上班"))
        #expect(text(try calendar.addingWorkingDays(1, to: at("2026-02-13 11:00"))) == "2026-02-14 11:00")
        #expect(text(try calendar.addingWorkingDays(1, to: at("2026-02-14 11:00"))) == "2026-02-24 11:00")
    }

    @Test(
        "off-hours arrivals start the clock at the next working period",
        arguments: [
            ("2025-03-03 07:00", "2025-03-03 08:30"),  // Monday, before work
            ("2025-03-03 08:30", "2025-03-03 08:30"),  // at the start
            ("2025-03-03 10:15", "2025-03-03 10:15"),  // during work
            ("2025-03-03 12:00", "2025-03-03 13:30"),  // lunch starts
            ("2025-03-03 12:30", "2025-03-03 13:30"),  // lunch
            ("2025-03-03 17:30", "2025-03-04 08:30"),  // at the end
            ("2025-03-07 21:00", "2025-03-10 08:30"),  // Friday night
            ("2025-03-08 10:00", "2025-03-10 08:30"),  // Saturday
            ("2025-04-30 18:00", "2025-05-06 08:30"),  // before Labour Day
        ])
    func offHoursArrival(arrival: String, start: String) throws {
        #expect(text(try calendar.clockStart(for: at(arrival))) == start)
    }

    @Test("an off-hours arrival's deadline counts from the next working period")
    func offHoursDeadline() throws {
        let due = try calendar.adding(workingTime: CalendarFixtures.hours(2), to: at("2025-03-07 21:00"))
        #expect(text(due) == "2025-03-10 10:30")
        #expect(try calendar.workingTime(from: at("2025-03-07 21:00"), to: at("2025-03-10 08:30")) == .zero)
    }

    @Test("a due time is the earliest instant: the end of a period, not the start of the next")
    func earliestInstant() throws {
        #expect(text(try calendar.adding(workingTime: CalendarFixtures.hours(3.5), to: at("2025-03-03 08:30"))) == "2025-03-03 12:00")
        #expect(text(try calendar.adding(workingTime: CalendarFixtures.hours(7.5), to: at("2025-03-03 08:30"))) == "2025-03-03 17:30")
        #expect(text(try calendar.adding(workingTime: .zero, to: at("2025-03-08 10:00"))) == "2025-03-08 10:00")
    }

    @Test("working days: same moment N working days later; a start-of-day start ends that evening")
    func workingDays() throws {
        #expect(text(try calendar.addingWorkingDays(1, to: at("2025-03-07 10:00"))) == "2025-03-10 10:00")
        #expect(text(try calendar.addingWorkingDays(1, to: at("2025-03-03 08:30"))) == "2025-03-03 17:30")
        #expect(text(try calendar.addingWorkingDays(5, to: at("2025-03-03 07:00"))) == "2025-03-07 17:30")
        #expect(text(try calendar.addingWorkingDays(1, to: at("2025-03-03 12:30"))) == "2025-03-04 12:00")
        #expect(text(try calendar.addingWorkingDays(0, to: at("2025-03-08 10:00"))) == "2025-03-08 10:00")
    }

    @Test("limits of each unit give a due time")
    func deadlineForLimits() throws {
        let start = at("2025-01-27 15:00")
        #expect(text(try calendar.deadline(for: .workingHours(4), from: start)) == "2025-02-05 10:00")
        #expect(text(try calendar.deadline(for: .workingDays(2), from: start)) == "2025-02-06 15:00")
        // 7×24: the Spring Festival does not stop a natural-time limit.
        #expect(text(try calendar.deadline(for: .naturalHours(24), from: start)) == "2025-01-28 15:00")
        #expect(try calendar.elapsed(.naturalTime, from: start, to: at("2025-01-28 15:00")) == CalendarFixtures.hours(24))
    }

    @Test("negative amounts are refused")
    func negativeAmounts() {
        #expect(throws: CalendarError.self) { try calendar.adding(workingTime: .seconds(-1), to: at("2025-03-03 10:00")) }
        #expect(throws: CalendarError.self) { try calendar.addingWorkingDays(-1, to: at("2025-03-03 10:00")) }
    }

    @Test("working periods are placed in the calendar's time zone")
    func timeZone() throws {
        let periods = try calendar.workingPeriods(on: CivilDate("2025-03-03")!)
        #expect(periods.map { text($0.lowerBound) + "–" + text($0.upperBound) } == [
            "2025-03-03 08:30–2025-03-03 12:00", "2025-03-03 13:30–2025-03-03 17:30",
        ])
        // Asia/Shanghai is UTC+8 all year: 08:30 local is 00:30 UTC.
        #expect(periods[0].lowerBound == Date(timeIntervalSince1970: 1_740_961_800))
        #expect(try calendar.workingPeriods(on: CivilDate("2025-01-29")!).isEmpty)
        #expect(try calendar.civilDate(of: at("2025-03-03 23:59")) == CivilDate("2025-03-03")!)
    }

    @Test("a time zone with a clock change places periods by wall-clock time")
    func daylightSavingDay() throws {
        // Berlin switches to summer time on Sun 30 Mar 2025; make every day a workday to see it.
        let schedule = try HolidaySchedule(csv: "year,kind,first,last,name\n2025,holiday,2025-01-01,,New Year\n", file: "de.csv")
        let berlin = try WorkingCalendar(
            schedule: schedule, hours: CalendarFixtures.plainHours,
            configuration: .init(timeZoneIdentifier: "Europe/Berlin", weekend: []))
        let before = try berlin.workingPeriods(on: CivilDate("2025-03-29")!)
        let after = try berlin.workingPeriods(on: CivilDate("2025-03-30")!)
        #expect(before[0].lowerBound == Date(timeIntervalSince1970: 1_743_233_400))  // 07:30 UTC (UTC+1)
        #expect(after[0].lowerBound == Date(timeIntervalSince1970: 1_743_316_200))  // 06:30 UTC (UTC+2)
        #expect(try berlin.workingTime(from: after[0].lowerBound, to: after[1].upperBound) == CalendarFixtures.hours(7.5))
    }
}
