public import Foundation
public import GridDomain

extension ClockBook {
    /// An approved extension in the measure of the clock it extends.
    ///
    /// The lifecycle lets a unit ask for working days on a 7×24 stage (or natural hours on a working
    /// one); the clock can only add time on its own measure. Such an extension is converted at the due
    /// time in force (or `time` while paused): on a natural clock it adds the natural time from the due
    /// time to that plus the extension on the working calendar; on a working clock the working time
    /// within that many natural seconds, in whole minutes rounded up.
    public static func `extension`(
        _ amount: TimeLimit, fittedTo clock: StageClock, at time: Date, calendar: WorkingCalendar
    ) throws(CalendarError) -> TimeLimit {
        guard amount.measure != clock.measure else { return amount }
        let from = try clock.dueAt(calendar: calendar) ?? time
        let end = try calendar.deadline(for: amount, from: from)
        switch clock.measure {
        case .naturalTime:
            return .natural(seconds: Int(end.timeIntervalSince(from).rounded()))
        case .workingTime:
            let seconds = try calendar.elapsed(.workingTime, from: from, to: end).components.seconds
            return .working(minutes: Int((seconds + 59) / 60))
        }
    }
}
