/// A 权责清单 compiled against a city's catalog, places and units into integer tables, so that
/// resolving a case costs a handful of hash lookups however long the list is.
///
/// Rules are filed in buckets by (category key, place): a rule for 大类 E01 in street S sits in
/// bucket (E01, S). A case in grid G with 小类 E0102 can only match rules in the buckets of
/// {E0102, E01, all} × {G, its community, street, district, the city} — at most 15 — visited in
/// precedence order (see `RuleSpecificity`); each bucket is sorted by conditions and priority.
final class CompiledResponsibilityList: Sendable {
    /// A unit reference with its unit or kind replaced by an index.
    enum Reference: Sendable, Hashable {
        case fixed(Int32)
        case local(levelSlot: Int, kind: Int32)
    }

    struct Rule: Sendable {
        let index: Int
        let id: String
        let specificity: RuleSpecificity
        let priority: Int
        let fromDay: Int
        let throughDay: Int
        let window: WeeklyTimeSet?
        let attributes: [AttributeCondition]
        let lead: Reference
        let coUnits: [Reference]
        let escalation: [Reference]
        let tier: GovernanceLevel
        /// The co-units as ids when all are fixed, without the lead and duplicates.
        let fixedCoUnits: [UnitID]?
        /// The escalation chain as ids when all are fixed.
        let fixedEscalation: [UnitID]?
    }

    let list: ResponsibilityList
    let catalog: CategoryCatalog
    let places: PlaceHierarchy
    let units: UnitRegistry

    // Places: index → code, level slot (grid 0 … city 4) and ancestors (stride 5, −1 when none).
    let placeCodes: [PlaceCode]
    let placeIndex: [PlaceCode: Int32]
    let ancestorTable: [Int32]
    let cityIndex: Int32

    // Categories: key 0 is "all categories"; each key's chain lists itself, its 大类 and 0.
    let categoryCodes: [CategoryCode?]
    let categoryKey: [CategoryCode: Int32]
    let categoryChains: [[Int32]]

    // Units.
    let unitIDs: [UnitID]
    let unitIndex: [UnitID: Int32]
    let localUnits: [Int64: Int32]

    // Rules and buckets.
    let rules: [Rule]
    let buckets: [Int64: Range<Int32>]
    let bucketRules: [Int32]
    /// Per category key, a bit per level slot that has at least one bucket.
    let levelMasks: [UInt8]

    static let levelSlots: [GovernanceLevel] = [.grid, .community, .street, .district, .city]

    static func slot(_ level: GovernanceLevel) -> Int {
        switch level {
        case .grid: 0
        case .community: 1
        case .street: 2
        case .district: 3
        case .city: 4
        }
    }

    init(list: ResponsibilityList, catalog: CategoryCatalog, places: PlaceHierarchy, units: UnitRegistry) throws(ResponsibilityListError) {
        for rule in list.rules {
            if let problem = rule.referenceProblem(catalog: catalog, places: places, units: units) {
                throw ResponsibilityListError(ruleID: rule.id, line: rule.line, message: problem)
            }
        }
        var seenIDs = Set<String>()
        for rule in list.rules where !seenIDs.insert(rule.id).inserted {
            throw ResponsibilityListError(ruleID: rule.id, line: rule.line, message: "the rule id is used twice")
        }
        self.list = list
        self.catalog = catalog
        self.places = places
        self.units = units

        // Places, coarse to fine so parents get indexes first.
        var codes: [PlaceCode] = []
        for level in Self.levelSlots.reversed() { codes += places.places(at: level) }
        var placeIndex: [PlaceCode: Int32] = [:]
        placeIndex.reserveCapacity(codes.count)
        for (i, code) in codes.enumerated() { placeIndex[code] = Int32(i) }
        var ancestors = [Int32](repeating: -1, count: codes.count * 5)
        for (i, code) in codes.enumerated() {
            for (slot, level) in Self.levelSlots.enumerated() where level >= code.level {
                ancestors[i * 5 + slot] = placeIndex[places.ancestor(of: code, at: level)!]!
            }
        }
        self.placeCodes = codes
        self.placeIndex = placeIndex
        self.ancestorTable = ancestors
        self.cityIndex = placeIndex[places.city.code]!

        // Categories.
        var categoryCodes: [CategoryCode?] = [nil]
        var categoryKey: [CategoryCode: Int32] = [:]
        for definition in catalog.definitions {
            categoryKey[definition.code] = Int32(categoryCodes.count)
            categoryCodes.append(definition.code)
        }
        self.categoryCodes = categoryCodes
        self.categoryKey = categoryKey
        self.categoryChains = categoryCodes.map { code in
            guard let code else { return [0] }
            return code.isMinorClass ? [categoryKey[code]!, categoryKey[code.majorClass]!, 0] : [categoryKey[code]!, 0]
        }

        // Units.
        let unitIDs = units.units.map(\.id)
        var unitIndex: [UnitID: Int32] = [:]
        for (i, id) in unitIDs.enumerated() { unitIndex[id] = Int32(i) }
        var kinds: [UnitKind: Int32] = [:]
        var localUnits: [Int64: Int32] = [:]
        for unit in units.units {
            let kind = kinds[unit.kind] ?? Int32(kinds.count)
            kinds[unit.kind] = kind
            localUnits[Self.localKey(kind: kind, place: placeIndex[unit.place]!)] = unitIndex[unit.id]!
        }
        self.unitIDs = unitIDs
        self.unitIndex = unitIndex
        self.localUnits = localUnits

        func compile(_ reference: UnitReference) -> Reference {
            switch reference {
            case .unit(let id): .fixed(unitIndex[id]!)  // checked by referenceProblem
            case .local(let level, let kind): .local(levelSlot: Self.slot(level), kind: kinds[kind]!)
            }
        }

        // Rules and buckets.
        var rules: [Rule] = []
        var members: [Int64: [Int32]] = [:]
        var levelMasks = [UInt8](repeating: 0, count: categoryCodes.count)
        for (index, rule) in list.rules.enumerated() {
            let lead = compile(rule.lead)
            let coUnits = rule.coUnits.map(compile)
            let escalation = rule.escalation.map(compile)
            func fixedIDs(_ references: [Reference], without excluded: Reference?) -> [UnitID]? {
                var ids: [UnitID] = []
                for reference in references {
                    guard case .fixed(let unit) = reference else { return nil }
                    if reference != excluded && !ids.contains(unitIDs[Int(unit)]) { ids.append(unitIDs[Int(unit)]) }
                }
                return ids
            }
            let leadIsFixed = if case .fixed = lead { true } else { false }
            rules.append(Rule(
                index: index, id: rule.id, specificity: rule.specificity, priority: rule.priority,
                fromDay: rule.validFrom?.dayNumber ?? Int.min, throughDay: rule.validThrough?.dayNumber ?? Int.max,
                window: rule.window?.minutes, attributes: rule.attributes, lead: lead, coUnits: coUnits,
                escalation: escalation, tier: rule.tier,
                fixedCoUnits: leadIsFixed ? fixedIDs(coUnits, without: lead) : nil,
                fixedEscalation: fixedIDs(escalation, without: nil)))
            let key = rule.category.map { categoryKey[$0]! } ?? 0
            let scope = rule.places.isEmpty ? [placeIndex[places.city.code]!] : rule.places.map { placeIndex[$0]! }
            for place in scope {
                members[Self.bucketKey(category: key, place: place), default: []].append(Int32(index))
            }
            levelMasks[Int(key)] |= 1 << UInt8(Self.slot(rule.placeLevel))
        }
        var buckets: [Int64: Range<Int32>] = [:]
        var bucketRules: [Int32] = []
        for (key, ruleIndexes) in members {
            let sorted = ruleIndexes.sorted { a, b in
                let ra = rules[Int(a)], rb = rules[Int(b)]
                return (rb.specificity.conditions, rb.priority, a) < (ra.specificity.conditions, ra.priority, b)
            }
            let start = Int32(bucketRules.count)
            bucketRules += sorted
            buckets[key] = start..<Int32(bucketRules.count)
        }
        self.rules = rules
        self.buckets = buckets
        self.bucketRules = bucketRules
        self.levelMasks = levelMasks
    }

    @inline(__always)
    static func bucketKey(category: Int32, place: Int32) -> Int64 { Int64(category) << 32 | Int64(place) }

    @inline(__always)
    static func localKey(kind: Int32, place: Int32) -> Int64 { Int64(kind) << 32 | Int64(place) }

    /// The place index of `place`'s ancestor at a level slot, or −1.
    @inline(__always)
    func ancestor(_ place: Int32, slot: Int) -> Int32 { ancestorTable[Int(place) * 5 + slot] }

    /// The unit a reference names for a case at `place` (a grid or any place at or below the
    /// reference's level), or `nil` when no unit of that kind serves it.
    @inline(__always)
    func unit(_ reference: Reference, at place: Int32) -> Int32? {
        switch reference {
        case .fixed(let unit):
            return unit
        case .local(let slot, let kind):
            let target = ancestor(place, slot: slot)
            guard target >= 0 else { return nil }
            return localUnits[Self.localKey(kind: kind, place: target)]
        }
    }
}
