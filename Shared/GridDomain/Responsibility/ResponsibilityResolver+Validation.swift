extension ResponsibilityResolver {
    /// Checks the list for gaps (管理真空: category × place × time with no responsible unit),
    /// conflicts (职能交叉: equally specific rules of equal priority naming different units) and unit
    /// references that name no unit, on `from` and on every later day the effective rules change.
    ///
    /// Each finding is exact and compressed: a gap names the coarsest place all of whose grids share
    /// it and a 大类 when all its 小类 share it; a conflict names the place the two rules share, or the
    /// places below it where their units differ.
    public func validate(from start: EffectiveDate) -> ResponsibilityValidationReport {
        let context = ValidationContext(compiled: compiled)
        let boundaries = [start.dayNumber] + list.changeDates.map(\.dayNumber).filter { $0 > start.dayNumber }
        var gaps = FindingMerger<GapKey>()
        var conflicts = FindingMerger<ConflictKey>()
        var references = FindingMerger<ReferenceKey>()
        for (i, day) in boundaries.enumerated() {
            let last = i + 1 < boundaries.count ? boundaries[i + 1] - 1 : nil
            gaps.add(context.gaps(onDay: day), from: day, through: last)
            conflicts.add(context.conflicts(onDay: day), from: day, through: last)
            references.add(context.unresolvedReferences(onDay: day), from: day, through: last)
        }
        let codes = compiled.placeCodes
        return ResponsibilityValidationReport(
            listVersion: list.version,
            checkedFrom: start,
            gaps: gaps.findings.map { key, period in
                ResponsibilityGap(category: key.category, place: codes[Int(key.place)], uncoveredTimes: key.missing, period: period)
            },
            conflicts: conflicts.findings.map { key, period in
                ResponsibilityConflict(
                    ruleIDs: key.rules.map { compiled.rules[$0].id },
                    category: compiled.categoryCodes[Int(key.category)], places: key.places.map { codes[Int($0)] },
                    times: key.times, attributes: key.attributes, period: period)
            },
            unresolvedReferences: references.findings.map { key, period in
                UnresolvedUnitReference(
                    ruleID: compiled.rules[key.rule].id, role: key.role, reference: key.reference,
                    places: key.places.map { codes[Int($0)] }, period: period)
            })
    }
}

extension ResponsibilityList {
    /// Compiles the list for the city and validates it (see `ResponsibilityResolver.validate(from:)`).
    public func validate(
        catalog: CategoryCatalog, places: PlaceHierarchy, units: UnitRegistry, from start: EffectiveDate
    ) throws(ResponsibilityListError) -> ResponsibilityValidationReport {
        try ResponsibilityResolver(list: self, catalog: catalog, places: places, units: units).validate(from: start)
    }
}

struct GapKey: Hashable {
    var category: CategoryCode
    var place: Int32
    var missing: WeeklyTimeSet
}

struct ConflictKey: Hashable {
    var rules: [Int]
    var category: Int32
    var places: [Int32]
    var times: WeeklyTimeSet
    var attributes: [AttributeCondition]
}

struct ReferenceKey: Hashable {
    var rule: Int
    var role: UnresolvedUnitReference.Role
    var reference: UnitReference
    var places: [Int32]
}

/// Joins a finding seen in consecutive periods into one finding over their union, keeping order.
struct FindingMerger<Key: Hashable> {
    private(set) var order: [Key] = []
    private var periods: [Key: [(from: Int, through: Int?)]] = [:]

    mutating func add(_ keys: [Key], from: Int, through: Int?) {
        for key in keys {
            if var list = periods[key] {
                if let lastThrough = list[list.count - 1].through, lastThrough + 1 == from {
                    list[list.count - 1].through = through
                } else {
                    list.append((from, through))
                    order.append(key)
                }
                periods[key] = list
            } else {
                periods[key] = [(from, through)]
                order.append(key)
            }
        }
    }

    /// Each finding with its period, in the order first seen (a finding recurring after a pause
    /// appears once per period).
    var findings: [(Key, EffectivePeriod)] {
        var next: [Key: Int] = [:]
        return order.map { key in
            let index = next[key, default: 0]
            next[key] = index + 1
            let period = periods[key]![index]
            return (key, EffectivePeriod(from: EffectiveDate(dayNumber: period.from), through: period.through.map(EffectiveDate.init(dayNumber:))))
        }
    }
}
