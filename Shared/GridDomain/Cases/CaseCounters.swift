/// Per-case counts the assessment needs, kept up to date by `CaseLifecycle.apply`.
public struct CaseCounters: Sendable, Hashable, Codable {
    /// Checks failed and sent back to the same unit (返工).
    public internal(set) var reworkCount = 0
    /// Extensions requested by the unit.
    public internal(set) var extensionRequestCount = 0
    /// Extensions approved, each with the amount granted, in order.
    public internal(set) var extensionsGranted: [TimeLimit] = []
    /// Re-dispatches after a return (改派).
    public internal(set) var redispatchCount = 0
    /// Returns by units (退回).
    public internal(set) var returnCount = 0
    /// Times the case was parked (挂账).
    public internal(set) var parkCount = 0
    /// Times the case was escalated to a higher level.
    public internal(set) var escalationCount = 0
    /// True when a grid worker disposed of it on the spot (自行处置).
    public internal(set) var selfDisposed = false

    /// Creates zeroed counters.
    public init() {}

    /// Extensions approved.
    public var extensionCount: Int { extensionsGranted.count }

    /// True when the case has ever been parked; parked cases leave the on-time denominators.
    public var wasParked: Bool { parkCount > 0 }

    /// The working minutes granted by extensions given in working time; extensions in working days
    /// are in `extendedWorkingDays` (how long a working day is depends on the calendar).
    public var extendedWorkingMinutes: Int {
        extensionsGranted.reduce(0) { total, limit in
            if case .working(let minutes) = limit { return total + minutes }
            return total
        }
    }

    /// The working days granted by extensions given in working days.
    public var extendedWorkingDays: Int {
        extensionsGranted.reduce(0) { total, limit in
            if case .workingDays(let days) = limit { return total + days }
            return total
        }
    }

    /// The natural minutes granted by extensions of 7×24 limits (extensions in natural seconds, which
    /// only short test policies use, count in whole minutes, rounded down).
    public var extendedNaturalMinutes: Int {
        extensionsGranted.reduce(0) { total, limit in
            if case .natural(let minutes) = limit { return total + minutes }
            if case .naturalSeconds(let seconds) = limit { return total + seconds / 60 }
            return total
        }
    }
}
