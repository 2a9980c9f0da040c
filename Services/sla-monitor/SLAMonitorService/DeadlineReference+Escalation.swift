public import GridDomain

extension DeadlineReference {
    /// Where a card of a clock governed by `target` goes, for the case as described by `snapshot`.
    ///
    /// A fixed level or unit is taken as it is. `supervising` is the level above the one handling the
    /// case: the lead unit's level when the case is dispatched (a street unit's breach goes to the
    /// district); before dispatch the command centre the case was escalated to, else the district's
    /// centre when the case lies in a district, else the city. The city supervises itself. The level is
    /// left out only when nothing tells the handling level.
    public func escalation(for target: EscalationTarget, snapshot: CaseSnapshotV1) -> EscalationTargetV1 {
        switch target {
        case .supervisingLevel:
            return EscalationTargetV1(target, resolvedLevel: handlingLevel(of: snapshot).map(Self.supervisingLevel(above:)))
        case .level, .unit:
            return EscalationTargetV1(target)
        }
    }

    /// The level handling the case now (see ``escalation(for:snapshot:)``).
    public func handlingLevel(of snapshot: CaseSnapshotV1) -> GovernanceLevel? {
        if let lead = snapshot.leadUnit, let level = units.unit(lead)?.level { return level }
        if let escalated = snapshot.escalatedTo { return escalated }
        if snapshot.placement.district != nil { return .district }
        return nil
    }

    /// The level that supervises `level`: grid → community → street → district → city; the city
    /// supervises itself.
    public static func supervisingLevel(above level: GovernanceLevel) -> GovernanceLevel {
        let levels = GovernanceLevel.allCases
        guard let index = levels.firstIndex(of: level), index + 1 < levels.count else { return .city }
        return levels[index + 1]
    }
}
