import Foundation
public import GridDomain

extension CaseFact {
    /// Disposal runs that breached their deadline, the latest run included.
    public var breachedRuns: Int {
        earlierBreachedRuns + (disposalRun?.isBreached == true ? 1 : 0)
    }

    /// Disposal reports made after their run's due time, the latest run included.
    public var lateDisposals: Int {
        earlierLateDisposals + (disposalRun?.isLateDisposal == true ? 1 : 0)
    }

    /// The due time of the first breached disposal run: when the case first became overdue.
    public var firstBreachAt: Date? {
        let latest = disposalRun.flatMap { $0.isBreached ? $0.dueAt : nil }
        return Self.earliest(earlierFirstBreachAt, latest)
    }

    /// When the case became due for closing (应结案): its first disposal report, or the moment it
    /// became overdue in disposal if that came first. `nil` while neither has happened. Each case
    /// belongs to the period this moment falls in (see `IndicatorFormulas`).
    public var dueForClosingAt: Date? {
        Self.earliest(firstDisposedAt, firstBreachAt)
    }

    /// Whether the case is parked (挂账/缓办) now.
    public var isParked: Bool { state == .parked }

    /// The department the case is assessed against: the lead unit of its first disposal, or else its
    /// current lead unit; `nil` before dispatch.
    public var department: UnitID? { disposingUnit ?? leadUnit }

    /// The most precise place known (grid, community, street or district); `nil` when the case could
    /// not be located.
    public var placeCode: PlaceCode? {
        placement.grid ?? placement.community ?? placement.street ?? placement.district
    }

    static func earliest(_ first: Date?, _ second: Date?) -> Date? {
        switch (first, second) {
        case let (first?, second?): min(first, second)
        case let (first?, nil): first
        case let (nil, second?): second
        case (nil, nil): nil
        }
    }
}
