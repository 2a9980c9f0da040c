import Foundation
import GridDomain
import PropertyBased
import Testing

/// `StageClock`: due, yellow, elapsed and remaining, with pauses (parking) and extensions.
@Suite("Stage clocks")
struct DeadlineClockTests {
    let calendar = CalendarFixtures.calendar
    func at(_ text: String) -> Date { CalendarFixtures.at(text) }
    func text(_ date: Date?) -> String? { date.map(CalendarFixtures.text) }
    func hours(_ value: Double) -> Duration { CalendarFixtures.hours(value) }

    @Test("a 4-working-hour limit over the Spring Festival: yellow and red cards")
    func cardsOverSpringFestival() throws {
        let clock = try StageClock(
            stage: .dispose, limit: .workingHours(4), yellowFraction: 0.75, startedAt: at("2025-01-27 15:00"), calendar: calendar)
        #expect(text(try clock.dueAt(calendar: calendar)) == "2025-02-05 10:00")
        #expect(text(try clock.yellowAt(calendar: calendar)) == "2025-02-05 09:00")
        #expect(try clock.card(at: at("2025-02-03 12:00"), calendar: calendar) == .none)  // holiday: no time passes
        #expect(try clock.elapsed(at: at("2025-02-03 12:00"), calendar: calendar) == hours(2.5))
        #expect(try clock.card(at: at("2025-02-05 09:30"), calendar: calendar) == .yellow)
        #expect(try clock.remaining(at: at("2025-02-05 09:30"), calendar: calendar) == hours(0.5))
        #expect(try clock.card(at: at("2025-02-05 10:00"), calendar: calendar) == .yellow)  // due, not yet late
        #expect(try !clock.isOverdue(at: at("2025-02-05 10:00"), calendar: calendar))
        #expect(try clock.card(at: at("2025-02-05 10:00:01"), calendar: calendar) == .red)
        #expect(try clock.remaining(at: at("2025-02-05 11:00"), calendar: calendar) == hours(-1))
        #expect(try clock.isOverdue(at: at("2025-02-05 11:00"), calendar: calendar))
    }

    @Test("a limit in natural seconds: due, yellow and red to the second, also on a holiday")
    func naturalSeconds() throws {
        let start = at("2025-01-29 03:00")  // 春节, at night
        var clock = try StageClock(stage: .signFor, limit: .naturalSeconds(20), yellowFraction: 0.5, startedAt: start, calendar: calendar)
        #expect(clock.measure == .naturalTime)
        #expect(try clock.dueAt(calendar: calendar) == start.addingTimeInterval(20))
        #expect(try clock.yellowAt(calendar: calendar) == start.addingTimeInterval(10))
        #expect(try clock.card(at: start.addingTimeInterval(9), calendar: calendar) == .none)
        #expect(try clock.card(at: start.addingTimeInterval(10), calendar: calendar) == .yellow)
        #expect(try clock.card(at: start.addingTimeInterval(20), calendar: calendar) == .yellow)
        #expect(try clock.card(at: start.addingTimeInterval(21), calendar: calendar) == .red)
        try clock.extend(by: .naturalSeconds(15), at: start.addingTimeInterval(5), calendar: calendar)
        #expect(try clock.dueAt(calendar: calendar) == start.addingTimeInterval(35))
        #expect(try calendar.deadline(for: .naturalSeconds(90), from: start) == start.addingTimeInterval(90))
    }

    @Test("parking pauses the clock; the due time moves by the paused working time")
    func pauseAndResume() throws {
        var clock = try StageClock(
            stage: .dispose, limit: .workingDays(1), yellowFraction: 0.8, startedAt: at("2025-03-03 09:00"), calendar: calendar)
        #expect(clock.total == hours(7.5))
        #expect(text(try clock.dueAt(calendar: calendar)) == "2025-03-04 09:00")
        try clock.pause(at: at("2025-03-03 10:00"))
        #expect(clock.isPaused)
        #expect(try clock.dueAt(calendar: calendar) == nil)
        #expect(try clock.elapsed(at: at("2025-03-05 09:00"), calendar: calendar) == hours(1))
        #expect(try clock.remaining(at: at("2025-03-05 09:00"), calendar: calendar) == hours(6.5))
        try clock.resume(at: at("2025-03-05 10:00"))
        // 6.5 h left from Wed 10:00: 2 h + 4 h on Wednesday, 0.5 h on Thursday.
        #expect(text(try clock.dueAt(calendar: calendar)) == "2025-03-06 09:00")
        #expect(try clock.elapsed(at: at("2025-03-05 11:00"), calendar: calendar) == hours(2))
    }

    @Test("a limit reached before a pause keeps its due time")
    func pauseAfterBreach() throws {
        var clock = try StageClock(
            stage: .dispose, limit: .workingHours(1), yellowFraction: 0.5, startedAt: at("2025-03-03 09:00"), calendar: calendar)
        try clock.pause(at: at("2025-03-03 14:00"))
        #expect(text(try clock.dueAt(calendar: calendar)) == "2025-03-03 10:00")
        #expect(try clock.card(at: at("2025-03-04 09:00"), calendar: calendar) == .red)
    }

    @Test("extensions in working days move the due time from the due time in force")
    func extensionInWorkingDays() throws {
        var clock = try StageClock(
            stage: .dispose, limit: .workingDays(1), yellowFraction: 0.8, startedAt: at("2025-03-07 10:00"), calendar: calendar)
        #expect(text(try clock.dueAt(calendar: calendar)) == "2025-03-10 10:00")
        try clock.extend(by: .workingDays(2), at: at("2025-03-10 09:00"), calendar: calendar)
        #expect(text(try clock.dueAt(calendar: calendar)) == "2025-03-12 10:00")
        #expect(clock.total == hours(22.5))
        try clock.extend(by: .workingHours(4), at: at("2025-03-11 09:00"), calendar: calendar)
        #expect(text(try clock.dueAt(calendar: calendar)) == "2025-03-12 15:30")
        #expect(clock.extensions.map(\.granted) == [.workingDays(2), .workingHours(4)])
        // Yellow at 80% of 26.5 h = 21.2 h.
        #expect(text(try clock.yellowAt(calendar: calendar)) == "2025-03-12 08:42")
    }

    @Test("natural-time clocks run 7×24, also through holidays, and pause too")
    func naturalTime() throws {
        var clock = try StageClock(
            stage: .dispose, limit: .naturalHours(4), yellowFraction: 0.75, startedAt: at("2025-02-01 22:00"), calendar: calendar)
        #expect(clock.measure == .naturalTime)
        #expect(text(try clock.dueAt(calendar: calendar)) == "2025-02-02 02:00")
        #expect(text(try clock.yellowAt(calendar: calendar)) == "2025-02-02 01:00")
        try clock.pause(at: at("2025-02-01 23:00"))
        try clock.resume(at: at("2025-02-02 08:00"))
        #expect(text(try clock.dueAt(calendar: calendar)) == "2025-02-02 11:00")
        let error = #expect(throws: StageClockError.self) {
            try clock.extend(by: .workingHours(1), at: at("2025-02-02 09:00"), calendar: calendar)
        }
        #expect(error?.code == .measureMismatch)
        try clock.extend(by: .naturalHours(2), at: at("2025-02-02 09:00"), calendar: calendar)
        #expect(text(try clock.dueAt(calendar: calendar)) == "2025-02-02 13:00")
    }

    @Test("a stopped clock keeps its elapsed time and card")
    func stop() throws {
        var clock = try StageClock(
            stage: .check, limit: .workingHours(2), yellowFraction: 0.75, startedAt: at("2025-03-03 09:00"), calendar: calendar)
        try clock.stop(at: at("2025-03-03 10:45"))
        #expect(clock.isStopped)
        #expect(try clock.elapsed(at: at("2025-03-10 09:00"), calendar: calendar) == hours(1.75))
        #expect(try clock.card(at: at("2025-03-10 09:00"), calendar: calendar) == .yellow)
        #expect(try !clock.isOverdue(at: at("2025-03-10 09:00"), calendar: calendar))
        let error = #expect(throws: StageClockError.self) { try clock.pause(at: at("2025-03-04 09:00")) }
        #expect(error?.code == .stopped)
    }

    @Test("misuse is refused with a typed error")
    func misuse() throws {
        var clock = try StageClock(
            stage: .dispose, limit: .workingHours(2), yellowFraction: 0.75, startedAt: at("2025-03-03 09:00"), calendar: calendar)
        #expect(throws: StageClockError.self) { try clock.resume(at: at("2025-03-03 10:00")) }
        try clock.pause(at: at("2025-03-03 10:00"))
        let twice = #expect(throws: StageClockError.self) { try clock.pause(at: at("2025-03-03 11:00")) }
        #expect(twice?.code == .alreadyPaused)
        let early = #expect(throws: StageClockError.self) { try clock.resume(at: at("2025-03-03 09:30")) }
        #expect(early?.code == .outOfOrder)
        #expect(throws: CalendarError.self) {
            try StageClock(stage: .dispose, limit: .workingHours(2), yellowFraction: 0.75, startedAt: at("2027-03-03 09:00"), calendar: calendar)
        }
    }

    @Test("elapsed time plus paused working time is the working time since the start")
    func pausesAddUp() async {
        let starts = Gen.int64(in: 1_735_660_800...1_790_000_000)
        let gaps = Gen.int64(in: 0...(5 * 86_400)).array(of: 4)
        await propertyCheck(input: starts, gaps) { start, gaps in
            let startDate = Date(timeIntervalSince1970: TimeInterval(start))
            var clock = try StageClock(
                stage: .dispose, limit: .workingDays(3), yellowFraction: 0.8, startedAt: startDate, calendar: calendar)
            var time = start
            var paused: Duration = .zero
            for (index, gap) in gaps.enumerated() {
                let from = Date(timeIntervalSince1970: TimeInterval(time))
                time += gap
                let to = Date(timeIntervalSince1970: TimeInterval(time))
                if index % 2 == 0 {
                    try clock.pause(at: from)
                    try clock.resume(at: to)
                    paused += try calendar.workingTime(from: from, to: to)
                }
            }
            let now = Date(timeIntervalSince1970: TimeInterval(time + 3600))
            let elapsed = try clock.elapsed(at: now, calendar: calendar)
            #expect(elapsed + paused == (try calendar.workingTime(from: startDate, to: now)))
            #expect(elapsed + (try clock.remaining(at: now, calendar: calendar)) == clock.total)
            if let due = try clock.dueAt(calendar: calendar) {
                #expect(try clock.elapsed(at: due, calendar: calendar) == clock.total)
            }
        }
    }
}
