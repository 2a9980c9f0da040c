/// A city's five-level place hierarchy — city → district → street/town → community/village → unit
/// grid — with the grids' area classes and polygons.
///
/// Built by the loaders (`PlaceHierarchy+Loading.swift`), which check codes, parents, duplicates,
/// area classes and geometry, so every code a hierarchy hands out is known and complete up to the city.
public struct PlaceHierarchy: Sendable {
    /// The area classes the city declares.
    public let areaClasses: [AreaClassDefinition]
    /// The city (the root).
    public let city: Place
    /// All unit grids, ordered by code.
    public let grids: [UnitGrid]

    let placesByCode: [PlaceCode: Place]
    let gridIndexByCode: [PlaceCode: Int]
    let childrenByCode: [PlaceCode: [PlaceCode]]
    let spatialIndex: GridSpatialIndex

    /// Assembles a hierarchy from already checked parts. `places` holds every place above the grids,
    /// the city included; each must have a parent in `places` (except the city), and each grid's
    /// community must be in `places`.
    init(areaClasses: [AreaClassDefinition], city: Place, places: [Place], grids: [UnitGrid]) {
        var byCode: [PlaceCode: Place] = [:]
        var children: [PlaceCode: [PlaceCode]] = [:]
        for place in places {
            byCode[place.code] = place
            if let parent = place.parent { children[parent, default: []].append(place.code) }
        }
        let sortedGrids = grids.sorted { $0.code < $1.code }
        var gridIndex: [PlaceCode: Int] = [:]
        gridIndex.reserveCapacity(sortedGrids.count)
        for (index, grid) in sortedGrids.enumerated() {
            gridIndex[grid.code] = index
            byCode[grid.code] = Place(code: grid.code, name: grid.name, parent: grid.community)
            children[grid.community, default: []].append(grid.code)
        }
        for key in children.keys { children[key]!.sort() }
        self.areaClasses = areaClasses
        self.city = city
        self.grids = sortedGrids
        self.placesByCode = byCode
        self.gridIndexByCode = gridIndex
        self.childrenByCode = children
        self.spatialIndex = GridSpatialIndex(grids: sortedGrids)
    }

    /// The place with this code (any level, grids included), or `nil` when the city has none.
    public func place(_ code: PlaceCode) -> Place? { placesByCode[code] }

    /// The unit grid with this code, or `nil` when the city has none.
    public func grid(_ code: PlaceCode) -> UnitGrid? {
        gridIndexByCode[code].map { grids[$0] }
    }

    /// True when the city has a place with this code.
    public func contains(_ code: PlaceCode) -> Bool { placesByCode[code] != nil }

    /// Every place at `level`, ordered by code.
    public func places(at level: GovernanceLevel) -> [PlaceCode] {
        if level == .grid { return grids.map(\.code) }
        return placesByCode.values.filter { $0.level == level }.map(\.code).sorted()
    }

    /// The number of places at each level.
    public var countsByLevel: [GovernanceLevel: Int] {
        var counts: [GovernanceLevel: Int] = [:]
        for place in placesByCode.values { counts[place.level, default: 0] += 1 }
        return counts
    }

    /// The places directly below `code` (districts of the city, streets of a district…), ordered by code.
    public func children(of code: PlaceCode) -> [PlaceCode] { childrenByCode[code] ?? [] }

    /// The enclosing places of `code`, nearest first, ending with the city; empty for the city or an
    /// unknown code.
    public func ancestors(of code: PlaceCode) -> [PlaceCode] {
        var chain: [PlaceCode] = []
        var current = placesByCode[code]?.parent
        while let parent = current {
            chain.append(parent)
            current = placesByCode[parent]?.parent
        }
        return chain
    }

    /// The place at `level` that contains `code` (the code itself at its own level), or `nil` when
    /// `level` is below the code's level or the code is unknown.
    public func ancestor(of code: PlaceCode, at level: GovernanceLevel) -> PlaceCode? {
        guard contains(code), level >= code.level else { return nil }
        if level == .city { return city.code }
        return code.ancestor(at: level)
    }

    /// True when `code` is `area` or lies inside it.
    public func isWithin(_ code: PlaceCode, _ area: PlaceCode) -> Bool {
        guard contains(code), contains(area) else { return false }
        if area.level == .city || area == code { return true }
        return area.level > code.level && code.ancestor(at: area.level) == area
    }

    /// The unit grids inside `code` (the grid itself for a grid), ordered by code.
    public func grids(within code: PlaceCode) -> [PlaceCode] {
        guard contains(code) else { return [] }
        if code.level == .grid { return [code] }
        if code.level == .city { return grids.map(\.code) }
        // Grid codes extend their ancestors' digits, and `grids` is sorted, so the grids form one run.
        let prefix = code.digits
        let start = lowerBound(ofPrefix: prefix)
        var result: [PlaceCode] = []
        var index = start
        while index < grids.count, grids[index].code.digits.hasPrefix(prefix) {
            result.append(grids[index].code)
            index += 1
        }
        return result
    }

    /// Resolves a code as written in a data file: 9-, 12- and 15-digit codes as they are, and a
    /// 6-digit code to the city when it is the city's code, else to a district. Returns `nil` when the
    /// city has no such place; throws when the text is not a place code at all.
    public func code(parsing text: String) throws(DomainCodeError) -> PlaceCode? {
        if text == city.code.digits { return city.code }
        let code = try PlaceCode(text)
        return contains(code) ? code : nil
    }

    private func lowerBound(ofPrefix prefix: String) -> Int {
        var low = 0, high = grids.count
        while low < high {
            let mid = (low + high) / 2
            if grids[mid].code.digits < prefix { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
