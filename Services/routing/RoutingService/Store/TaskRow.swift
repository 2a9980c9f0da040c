import Foundation
public import GridDomain

/// The current assignment of a case, as the task list reads it.
public struct TaskRow: Sendable, Hashable {
    /// The assignment's round.
    public var round: Int
    /// The lead unit.
    public var lead: UnitID
    /// The co-units.
    public var coUnits: [UnitID]
    /// The task's status.
    public var status: TaskStatus
    /// When the case was dispatched.
    public var dispatchedAt: Date
    /// When the current clocks started.
    public var clockStartedAt: Date
    /// When the unit last signed for it.
    public var signedAt: Date?
}
