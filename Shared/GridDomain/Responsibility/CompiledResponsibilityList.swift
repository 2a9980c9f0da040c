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

    /// What the hot path needs of a rule, with no reference-counted fields so that reading one costs
    /// no retain or release.
    struct RuleCore: Sendable {
        let fromDay: Int
        let throughDay: Int
        /// Index into `windows`, or −1 for none.
        let window: Int32
        let conditions: Int32
        let priority: Int
        let hasAttributes: Bool
        let lead: Reference
        let tier: GovernanceLevel
    }

    let list: ResponsibilityList
    let catalog: CategoryCatalog
    let places: PlaceHierarchy
    let units: UnitRegistry

    // Places: index → code, level slot (grid 0 … city 4) and ancestors (stride 5, −1 when none).
    let placeCodes: [PlaceCode]
    let placeIndex: [PlaceCode: Int32]
    /// Grid code (as a number) → place index.
    let gridIndex: IntegerTable
    let ancestorTable: [Int32]
    let cityIndex: Int32

    // Categories: key 0 is "all categories"; each key's chain lists itself, its 大类 and 0.
    let categoryCodes: [CategoryCode?]
    let categoryKey: [CategoryCode: Int32]
    /// `CategoryCode.numericValue` → category key, −1 when not in the catalog.
    let categoryKeyByNumber: [Int32]
    /// Per category key, its chain: up to three keys, −1 after the last.
    let categoryChains: [(Int32, Int32, Int32)]

    // Units.
    let unitIDs: [UnitID]
    let unitIndex: [UnitID: Int32]
    /// `localKey(kind, place)` → unit index.
    let localUnits: IntegerTable

    // Rules and buckets.
    let rules: [Rule]
    let cores: [RuleCore]
    let windows: [WeeklyTimeSet]
    /// The buckets of each place (index into `buckets`), each place's sorted by category key.
    let placeBuckets: [Range<Int32>]
    let buckets: [Bucket]
    let bucketRules: [Int32]
    /// Per category key, a bit per level slot that has at least one bucket.
    let levelMasks: [UInt8]

    /// The rules filed under one category key at one place: `bucketRules[start..<end]`, best first.
    struct Bucket: Sendable {
        let category: Int32
        let start: Int32
        let end: Int32
    }

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
        self.gridIndex = IntegerTable(codes.enumerated().filter { $0.element.level == .grid }.map { (key: $0.element.numericValue, value: Int32($0.offset)) })
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
        var byNumber = [Int32](repeating: -1, count: CategoryCode.numericLimit)
        for (code, key) in categoryKey { byNumber[code.numericValue] = key }
        self.categoryKeyByNumber = byNumber
        self.categoryChains = categoryCodes.map { code in
            guard let code else { return (0, -1, -1) }
            return code.isMinorClass ? (categoryKey[code]!, categoryKey[code.majorClass]!, 0) : (categoryKey[code]!, 0, -1)
        }

        // Units.
        let unitIDs = units.units.map(\.id)
        var unitIndex: [UnitID: Int32] = [:]
        for (i, id) in unitIDs.enumerated() { unitIndex[id] = Int32(i) }
        var kinds: [UnitKind: Int32] = [:]
        var localUnits: [(key: Int64, value: Int32)] = []
        for unit in units.units {
            let kind = kinds[unit.kind] ?? Int32(kinds.count)
            kinds[unit.kind] = kind
            localUnits.append((Self.localKey(kind: kind, place: placeIndex[unit.place]!), unitIndex[unit.id]!))
        }
        self.unitIDs = unitIDs
        self.unitIndex = unitIndex
        self.localUnits = IntegerTable(localUnits)

        func compile(_ reference: UnitReference) -> Reference {
            switch reference {
            case .unit(let id): .fixed(unitIndex[id]!)  // checked by referenceProblem
            case .local(let level, let kind): .local(levelSlot: Self.slot(level), kind: kinds[kind]!)
            }
        }

        // Rules and buckets.
        var rules: [Rule] = []
        var cores: [RuleCore] = []
        var windows: [WeeklyTimeSet] = []
        var windowIndex: [WeeklyTimeSet: Int32] = [:]
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
            var window: Int32 = -1
            if let minutes = rule.window?.minutes {
                window = windowIndex[minutes] ?? Int32(windows.count)
                if window == Int32(windows.count) {
                    windows.append(minutes)
                    windowIndex[minutes] = window
                }
            }
            cores.append(RuleCore(
                fromDay: rules[index].fromDay, throughDay: rules[index].throughDay, window: window,
                conditions: Int32(rule.specificity.conditions), priority: rule.priority,
                hasAttributes: !rule.attributes.isEmpty, lead: lead, tier: rule.tier))
            let key = rule.category.map { categoryKey[$0]! } ?? 0
            let scope = rule.places.isEmpty ? [placeIndex[places.city.code]!] : rule.places.map { placeIndex[$0]! }
            for place in scope {
                members[Self.bucketKey(category: key, place: place), default: []].append(Int32(index))
            }
            levelMasks[Int(key)] |= 1 << UInt8(Self.slot(rule.placeLevel))
        }
        var placeBuckets = [Range<Int32>](repeating: 0..<0, count: codes.count)
        var buckets: [Bucket] = []
        var bucketRules: [Int32] = []
        // Keys sort by place, then category: each place's buckets are contiguous and sorted.
        for (key, ruleIndexes) in members.sorted(by: { ($0.key & 0xFFFF_FFFF, $0.key) < ($1.key & 0xFFFF_FFFF, $1.key) }) {
            let place = Int(key & 0xFFFF_FFFF), category = Int32(key >> 32)
            let sorted = ruleIndexes.sorted { a, b in
                let ra = cores[Int(a)], rb = cores[Int(b)]
                return (rb.conditions, rb.priority, a) < (ra.conditions, ra.priority, b)
            }
            let start = Int32(bucketRules.count)
            bucketRules += sorted
            if placeBuckets[place].isEmpty { placeBuckets[place] = Int32(buckets.count)..<Int32(buckets.count) }
            buckets.append(Bucket(category: category, start: start, end: Int32(bucketRules.count)))
            placeBuckets[place] = placeBuckets[place].lowerBound..<Int32(buckets.count)
        }
        self.rules = rules
        self.cores = cores
        self.windows = windows
        self.placeBuckets = placeBuckets
        self.buckets = buckets
        self.bucketRules = bucketRules
        self.levelMasks = levelMasks
    }

    /// The rules filed under (category key, place), best first.
    @inline(__always)
    func bucket(category: Int32, place: Int32) -> Range<Int32>? {
        var low = Int(placeBuckets[Int(place)].lowerBound), high = Int(placeBuckets[Int(place)].upperBound)
        while low < high {
            let mid = (low + high) >> 1
            let found = buckets[mid].category
            if found == category { return buckets[mid].start..<buckets[mid].end }
            if found < category { low = mid + 1 } else { high = mid }
        }
        return nil
    }

    /// The unit of a kind serving exactly a place.
    @inline(__always)
    func localUnit(kind: Int32, place: Int32) -> Int32? {
        localUnits[Self.localKey(kind: kind, place: place)]
    }

    /// The keys of a category's chain (itself, its 大类, all), most specific first.
    @inline(__always)
    func chain(_ category: Int32) -> [Int32] {
        let (a, b, c) = categoryChains[Int(category)]
        return b < 0 ? [a] : (c < 0 ? [a, b] : [a, b, c])
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
