extension TilingAnalysis {
    /// A directed boundary edge of a place, the place's area on its left.
    struct BoundaryEdge {
        var from: LatticePoint
        var to: LatticePoint
        var grid: Int32
    }

    /// A closed boundary loop and twice its signed area (positive: an outer outline; negative: a hole).
    struct Loop {
        var edges: [BoundaryEdge]
        var doubleArea: Int128
    }

    /// Traces the boundary of the city and of every district, street and community; reports gaps in
    /// the city, places in several pieces and places surrounding others. Places holding overlapping
    /// grids are skipped: their outlines mean nothing until the overlap is fixed.
    func boundaryIssues(skippingGrids overlapping: Set<Int32>) -> [TilingIssue] {
        let levels: [GovernanceLevel] = [.city, .district, .street, .community]
        var boundaries: [PlaceCode: [BoundaryEdge]] = [:]
        let owners: [[PlaceCode]] = places.grids.map { grid in
            levels.map { level in level == .city ? places.city.code : grid.code.ancestor(at: level)! }
        }
        let skipped = Set(overlapping.flatMap { owners[Int($0)] })
        for (index, list) in usesBySegment.enumerated() {
            let segment = segmentEnds[index]
            for levelIndex in levels.indices {
                for use in list {
                    let owner = owners[Int(use.grid)][levelIndex]
                    guard !skipped.contains(owner) else { continue }
                    let sharers = list.filter { owners[Int($0.grid)][levelIndex] == owner }
                    guard sharers.count == 1 else { continue }  // shared inside the place, or an overlap
                    let edge = use.forward
                        ? BoundaryEdge(from: segment.low, to: segment.high, grid: use.grid)
                        : BoundaryEdge(from: segment.high, to: segment.low, grid: use.grid)
                    boundaries[owner, default: []].append(edge)
                }
            }
        }

        var issues: [TilingIssue] = []
        var gapEdges: Set<SegmentKey> = []
        let cityLoops = Self.loops(boundaries[places.city.code] ?? [])
        for loop in cityLoops where loop.doubleArea < 0 {
            for edge in loop.edges { gapEdges.insert(SegmentKey(low: edge.from, high: edge.to)) }
            let bordering = Set(loop.edges.map(\.grid)).map { places.grids[Int($0)].code }.sorted()
            issues.append(TilingIssue(kind: .gap, places: bordering, ring: Self.outline(loop, reversed: true)))
        }
        let cityPieces = cityLoops.filter { $0.doubleArea > 0 }.count
        if cityPieces > 1 { issues.append(TilingIssue(kind: .fragmented, places: [places.city.code], pieces: cityPieces)) }

        for place in boundaries.keys.sorted() where place != places.city.code {
            let loops = Self.loops(boundaries[place]!)
            let pieces = loops.filter { $0.doubleArea > 0 }.count
            if pieces > 1 { issues.append(TilingIssue(kind: .fragmented, places: [place], pieces: pieces)) }
            for loop in loops where loop.doubleArea < 0
            && !loop.edges.allSatisfy({ gapEdges.contains(SegmentKey(low: $0.from, high: $0.to)) }) {
                issues.append(TilingIssue(kind: .enclave, places: [place], ring: Self.outline(loop, reversed: true)))
            }
        }
        return issues.sorted { ($0.kind.rawValue, $0.places.first ?? places.city.code) < ($1.kind.rawValue, $1.places.first ?? places.city.code) }
    }

    /// Places above the grids with no grid under them.
    func emptyPlaces() -> [TilingIssue] {
        [GovernanceLevel.district, .street, .community].flatMap { level in
            places.places(at: level).filter { places.grids(within: $0).isEmpty }
        }.map { TilingIssue(kind: .emptyPlace, places: [$0]) }
    }

    /// Splits directed boundary edges into closed loops. Where several loops touch at a vertex, each
    /// step takes the outgoing edge met first turning clockwise from the way back, which keeps every
    /// loop's area on its left and separates touching loops.
    static func loops(_ edges: [BoundaryEdge]) -> [Loop] {
        var outgoing: [LatticePoint: [Int]] = [:]
        for (index, edge) in edges.enumerated() { outgoing[edge.from, default: []].append(index) }
        var used = [Bool](repeating: false, count: edges.count)
        var loops: [Loop] = []
        for start in edges.indices where !used[start] {
            used[start] = true
            var loop = [edges[start]]
            var current = edges[start]
            var closed = false
            while true {
                let back = (x: current.from.x - current.to.x, y: current.from.y - current.to.y)
                let options = (outgoing[current.to] ?? []).filter { !used[$0] || ($0 == start) }
                guard let next = options.min(by: { a, b in
                    clockwiseBefore(edges[a], edges[b], from: back)
                }) else { break }
                if next == start { closed = true; break }
                used[next] = true
                current = edges[next]
                loop.append(current)
            }
            guard closed else { continue }  // only possible where grids overlap, which is reported already
            var area: Int128 = 0
            for edge in loop { area += Int128(edge.from.x) * Int128(edge.to.y) - Int128(edge.to.x) * Int128(edge.from.y) }
            loops.append(Loop(edges: loop, doubleArea: area))
        }
        return loops
    }

    /// True when `a` comes before `b` turning clockwise from direction `back` (exact).
    private static func clockwiseBefore(_ a: BoundaryEdge, _ b: BoundaryEdge, from back: (x: Int64, y: Int64)) -> Bool {
        let da = (x: a.to.x - a.from.x, y: a.to.y - a.from.y)
        let db = (x: b.to.x - b.from.x, y: b.to.y - b.from.y)
        let ga = group(da, back), gb = group(db, back)
        if ga != gb { return ga < gb }
        return ExactGeometry.cross(dx1: da.x, dy1: da.y, dx2: db.x, dy2: db.y) < 0
    }

    /// 0: clockwise from `back` by less than half a turn; 1: exactly opposite `back`; 2: more than half
    /// a turn; 3: along `back` (a full turn).
    private static func group(_ d: (x: Int64, y: Int64), _ back: (x: Int64, y: Int64)) -> Int {
        let cross = ExactGeometry.cross(dx1: back.x, dy1: back.y, dx2: d.x, dy2: d.y)
        if cross < 0 { return 0 }
        if cross > 0 { return 2 }
        return ExactGeometry.dot(dx1: back.x, dy1: back.y, dx2: d.x, dy2: d.y) < 0 ? 1 : 3
    }

    /// The loop's vertices as positions, reversed (to counter-clockwise) for holes.
    private static func outline(_ loop: Loop, reversed: Bool) -> [GeoPosition] {
        let positions = loop.edges.map { GeoPosition(longitudeE7: Int32($0.from.x), latitudeE7: Int32($0.from.y)) }
        return reversed ? positions.reversed() : positions
    }
}
