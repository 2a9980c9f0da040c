public import GridDomain

/// What the monitor needs from the city to time stages: the deadline policy (时限标准), the working
/// calendar, and the disposal units (to resolve a red card's supervising level).
public struct DeadlineReference: Sendable {
    /// The city's deadline policy.
    public let policy: DeadlinePolicy
    /// The working calendar every clock is measured on.
    public let calendar: WorkingCalendar
    /// The disposal units, for the level of a case's lead unit.
    public let units: UnitRegistry

    /// Creates the reference from loaded parts.
    public init(policy: DeadlinePolicy, calendar: WorkingCalendar, units: UnitRegistry) {
        self.policy = policy
        self.calendar = calendar
        self.units = units
    }

    /// The rule timing `stage` for a case as described by `snapshot` (its category and area class).
    public func rule(for stage: CaseStage, snapshot: CaseSnapshotV1) -> DeadlineRule {
        policy.rule(for: snapshot.category, stage: stage, areaClass: snapshot.placement.areaClass)
    }
}
