import Foundation
import GridDomain
import PropertyBased
import Testing

/// Invariants of working-time arithmetic, checked on random instants in 2025 and 2026.
@Suite("Working calendar properties")
struct CalendarPropertyTests {
    let calendar = CalendarFixtures.calendar

    /// Instants from 2025-01-01 to 2026-10-31 (Asia/Shanghai), in whole seconds.
    static let instants = Gen.int64(in: 1_735_660_800...1_793_462_400).map { Date(timeIntervalSince1970: TimeInterval($0)) }
    /// Working-time amounts up to 120 hours, in whole seconds.
    static let amounts = Gen.int64(in: 0...(120 * 3600)).map { Duration.seconds($0) }

    @Test("adding working time, then measuring it, gives the same amount")
    func addThenMeasure() async {
        await propertyCheck(input: Self.instants, Self.amounts) { start, amount in
            let due = try #require(try? calendar.adding(workingTime: amount, to: start))
            #expect(try calendar.workingTime(from: start, to: due) == amount)
            #expect(due >= start)
        }
    }

    @Test("a due time always lies inside a working period or at its end")
    func dueInsideWorkingHours() async {
        await propertyCheck(input: Self.instants, Gen.int64(in: 1...(120 * 3600))) { start, seconds in
            let due = try #require(try? calendar.adding(workingTime: .seconds(seconds), to: start))
            let periods = try #require(try? calendar.workingPeriods(on: calendar.civilDate(of: due)))
            #expect(periods.contains { $0.lowerBound < due && due <= $0.upperBound })
        }
    }

    @Test("elapsed working time is monotonic, additive and never more than natural time")
    func elapsedMonotonic() async {
        await propertyCheck(input: Self.instants, Gen.int64(in: 0...(20 * 86_400)), Gen.int64(in: 0...(20 * 86_400))) {
            start, first, second in
            let middle = start.addingTimeInterval(TimeInterval(first))
            let end = middle.addingTimeInterval(TimeInterval(second))
            let toMiddle = try #require(try? calendar.workingTime(from: start, to: middle))
            let toEnd = try #require(try? calendar.workingTime(from: start, to: end))
            let middleToEnd = try #require(try? calendar.workingTime(from: middle, to: end))
            #expect(toMiddle <= toEnd)
            #expect(toMiddle + middleToEnd == toEnd)
            #expect(toEnd <= .seconds(first + second))
            #expect(toMiddle >= .zero)
        }
    }

    @Test("the clock starts at or after the arrival, inside working time")
    func clockStartIsWorkingTime() async {
        await propertyCheck(input: Self.instants) { arrival in
            let start = try #require(try? calendar.clockStart(for: arrival))
            #expect(start >= arrival)
            #expect(try calendar.isWorkingTime(start))
            #expect(try calendar.workingTime(from: arrival, to: start) == .zero)
        }
    }

    @Test("N working days later is on a working day, exactly N working days' time later")
    func workingDaysLandOnWorkingDays() async {
        await propertyCheck(input: Self.instants, Gen.int(in: 1...15)) { start, days in
            let due = try #require(try? calendar.addingWorkingDays(days, to: start))
            let date = try calendar.civilDate(of: due)
            #expect(try calendar.isWorkingDay(date))
            let elapsed = try calendar.workingTime(from: start, to: due)
            #expect(elapsed == CalendarFixtures.hours(7.5 * Double(days)))  // every working day has 7.5 h here
        }
    }
}
