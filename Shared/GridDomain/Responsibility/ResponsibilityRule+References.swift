extension ResponsibilityRule {
    /// The first problem with what the rule refers to — an unknown category, place or unit, places at
    /// mixed levels, a lead below the tier, an escalation that does not go upward, dates out of order —
    /// or `nil` when the rule is consistent with the city's data.
    func referenceProblem(catalog: CategoryCatalog, places: PlaceHierarchy, units: UnitRegistry) -> String? {
        if id.isEmpty { return "the rule has no id" }
        if let category, !catalog.contains(category) { return "unknown category \(category)" }
        var seen = Set<PlaceCode>()
        for place in self.places {
            guard places.contains(place) else { return "unknown place \(place)" }
            guard seen.insert(place).inserted else { return "place \(place) is listed twice" }
            guard place.level == placeLevel else {
                return "places must all be at one level, but \(self.places[0]) is a \(self.places[0].level.rawValue) and \(place) a \(place.level.rawValue)"
            }
        }
        if placeLevel == .city && self.places.count > 1 { return "the city cannot be combined with other places" }
        guard let leadLevel = Self.level(of: lead, units: units) else { return Self.unknownUnit(lead) }
        if leadLevel < tier {
            return "the lead \(lead) is a \(leadLevel.rawValue)-level unit and cannot handle a case at the \(tier.rawValue) tier"
        }
        for unit in coUnits where Self.level(of: unit, units: units) == nil { return Self.unknownUnit(unit) }
        var previous = leadLevel
        for unit in escalation {
            guard let level = Self.level(of: unit, units: units) else { return Self.unknownUnit(unit) }
            guard level > previous else {
                return "the escalation chain must go upward: \(unit) (\(level.rawValue)) does not rank above \(previous.rawValue)"
            }
            previous = level
        }
        if let validFrom, let validThrough, validThrough < validFrom {
            return "valid_to \(validThrough) is before valid_from \(validFrom)"
        }
        return nil
    }

    /// The level of the unit a reference names, or `nil` when the registry has no such unit (for a
    /// local reference: no unit of that kind at that level anywhere).
    static func level(of reference: UnitReference, units: UnitRegistry) -> GovernanceLevel? {
        switch reference {
        case .unit(let id): units.unit(id)?.level
        case .local(let level, let kind): units.kinds(at: level).contains(kind) ? level : nil
        }
    }

    private static func unknownUnit(_ reference: UnitReference) -> String {
        switch reference {
        case .unit(let id): "unknown unit \(id)"
        case .local(let level, let kind): "unknown unit \(reference): no \(kind) unit exists at \(level.rawValue) level"
        }
    }
}
