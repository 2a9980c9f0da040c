/// The work behind `PlaceHierarchy.checkTiling()` (see there for the method).
struct TilingAnalysis {
    /// A directed edge of a grid ring, interior on its left.
    struct Edge {
        var from: LatticePoint
        var to: LatticePoint
        var grid: Int32
    }

    /// One use of an undirected segment by a grid, `forward` when the grid runs it from the smaller
    /// end point to the larger.
    struct Use {
        var grid: Int32
        var forward: Bool
    }

    let places: PlaceHierarchy
    private var edges: [Edge] = []
    private var segmentIndex: [SegmentKey: Int] = [:]
    private var segments: [(low: LatticePoint, high: LatticePoint)] = []
    private var uses: [[Use]] = []

    /// The ends of each segment, smaller first.
    var segmentEnds: [(low: LatticePoint, high: LatticePoint)] { segments }
    /// The grids using each segment.
    var usesBySegment: [[Use]] { uses }
    private var overlaps: Set<GridPair> = []
    private let cell: Int64

    struct SegmentKey: Hashable {
        var low: LatticePoint
        var high: LatticePoint
    }

    struct GridPair: Hashable {
        var first: Int32
        var second: Int32
        init(_ a: Int32, _ b: Int32) { (first, second) = a < b ? (a, b) : (b, a) }
    }

    init(places: PlaceHierarchy) {
        self.places = places
        var lengthSum: Int64 = 0
        for (index, grid) in places.grids.enumerated() {
            for ring in grid.geometry.rings {
                let points = ring.positions.map { LatticePoint($0) }
                var previous = points[points.count - 1]
                for point in points {
                    edges.append(Edge(from: previous, to: point, grid: Int32(index)))
                    lengthSum += abs(point.x - previous.x) + abs(point.y - previous.y)
                    previous = point
                }
            }
        }
        cell = max(1, 2 * lengthSum / Int64(max(edges.count, 1)))
    }

    mutating func run() -> [TilingIssue] {
        guard !places.grids.isEmpty else {
            return places.places(at: .district).map { TilingIssue(kind: .emptyPlace, places: [$0]) }
        }
        splitEdgesIntoSegments()
        findSegmentsUsedTheSameWay()
        findCrossingSegments()
        findGridsInsideOthers()
        var issues = overlaps.sorted { ($0.first, $0.second) < ($1.first, $1.second) }.map {
            TilingIssue(kind: .overlap, places: [places.grids[Int($0.first)].code, places.grids[Int($0.second)].code])
        }
        issues += boundaryIssues(skippingGrids: Set(overlaps.flatMap { [$0.first, $0.second] }))
        issues += emptyPlaces()
        return issues
    }

    // MARK: Spatial buckets

    private func cellRange(_ a: LatticePoint, _ b: LatticePoint) -> (x: ClosedRange<Int64>, y: ClosedRange<Int64>) {
        (floorDiv(min(a.x, b.x), cell)...floorDiv(max(a.x, b.x), cell), floorDiv(min(a.y, b.y), cell)...floorDiv(max(a.y, b.y), cell))
    }

    private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }

    private struct CellKey: Hashable {
        var x: Int64
        var y: Int64
    }

    // MARK: Segments

    /// Splits every edge at the vertices lying inside it and records who uses each resulting segment.
    private mutating func splitEdgesIntoSegments() {
        var vertexBuckets: [CellKey: [LatticePoint]] = [:]
        var seen: Set<LatticePoint> = []
        for edge in edges where seen.insert(edge.from).inserted {
            vertexBuckets[CellKey(x: floorDiv(edge.from.x, cell), y: floorDiv(edge.from.y, cell)), default: []].append(edge.from)
        }
        for edge in edges {
            var cuts: [LatticePoint] = []
            let range = cellRange(edge.from, edge.to)
            for cx in range.x {
                for cy in range.y {
                    for vertex in vertexBuckets[CellKey(x: cx, y: cy)] ?? []
                    where ExactGeometry.isStrictlyInsideSegment(vertex, edge.from, edge.to) {
                        cuts.append(vertex)
                    }
                }
            }
            if cuts.isEmpty {
                addSegment(edge.from, edge.to, grid: edge.grid)
                continue
            }
            cuts.sort()
            if edge.to < edge.from { cuts.reverse() }
            var start = edge.from
            for cut in cuts + [edge.to] {
                addSegment(start, cut, grid: edge.grid)
                start = cut
            }
        }
    }

    private mutating func addSegment(_ from: LatticePoint, _ to: LatticePoint, grid: Int32) {
        let forward = from < to
        let key = forward ? SegmentKey(low: from, high: to) : SegmentKey(low: to, high: from)
        if let index = segmentIndex[key] {
            uses[index].append(Use(grid: grid, forward: forward))
        } else {
            segmentIndex[key] = segments.count
            segments.append((key.low, key.high))
            uses.append([Use(grid: grid, forward: forward)])
        }
    }

    /// Two grids running the same segment in the same direction have their interiors on the same side.
    private mutating func findSegmentsUsedTheSameWay() {
        for list in uses where list.count > 1 {
            for i in 0..<list.count {
                for j in (i + 1)..<list.count where list[i].grid != list[j].grid && list[i].forward == list[j].forward {
                    overlaps.insert(GridPair(list[i].grid, list[j].grid))
                }
            }
        }
    }

    /// Segments of two grids crossing each other mean the grids overlap.
    private mutating func findCrossingSegments() {
        var buckets: [CellKey: [Int32]] = [:]
        for (index, segment) in segments.enumerated() {
            let range = cellRange(segment.low, segment.high)
            for cx in range.x {
                for cy in range.y { buckets[CellKey(x: cx, y: cy), default: []].append(Int32(index)) }
            }
        }
        for (key, list) in buckets where list.count > 1 {
            for i in 0..<list.count {
                let s = segments[Int(list[i])]
                for j in (i + 1)..<list.count {
                    let t = segments[Int(list[j])]
                    // Test each pair once: in the cell holding the lower-left corner of their boxes' overlap.
                    let cornerX = max(min(s.low.x, s.high.x), min(t.low.x, t.high.x))
                    let cornerY = max(min(s.low.y, s.high.y), min(t.low.y, t.high.y))
                    guard floorDiv(cornerX, cell) == key.x, floorDiv(cornerY, cell) == key.y,
                          ExactGeometry.segmentsCrossProperly(s.low, s.high, t.low, t.high) else { continue }
                    for a in uses[Int(list[i])] {
                        for b in uses[Int(list[j])] where a.grid != b.grid { overlaps.insert(GridPair(a.grid, b.grid)) }
                    }
                }
            }
        }
    }

    /// A grid whose vertex or edge midpoint lies strictly inside another grid overlaps it (this catches
    /// grids nested inside others without crossing borders). Coordinates are doubled so that midpoints
    /// stay on the lattice.
    private mutating func findGridsInsideOthers() {
        let doubledRings: [[[LatticePoint]]] = places.grids.map { grid in
            grid.geometry.rings.map { ring in ring.positions.map { LatticePoint($0, scale: 2) } }
        }
        for (index, rings) in doubledRings.enumerated() {
            var probes: [LatticePoint] = []
            for ring in rings {
                var previous = ring[ring.count - 1]
                for point in ring {
                    probes.append(point)
                    probes.append(LatticePoint(x: (previous.x + point.x) / 2, y: (previous.y + point.y) / 2))
                    previous = point
                }
            }
            for probe in probes {
                // Doubled lattice coordinates are twice fixed-point units.
                for other in places.spatialIndex.candidates(x: Double(probe.x) / 2, y: Double(probe.y) / 2)
                where Int(other) != index && !overlaps.contains(GridPair(Int32(index), other)) {
                    let box = places.grids[Int(other)].geometry.boundingBox
                    guard probe.x > 2 * Int64(box.minimum.longitudeE7), probe.x < 2 * Int64(box.maximum.longitudeE7),
                          probe.y > 2 * Int64(box.minimum.latitudeE7), probe.y < 2 * Int64(box.maximum.latitudeE7) else { continue }
                    if ExactGeometry.classify(probe, rings: doubledRings[Int(other)]) == true {
                        overlaps.insert(GridPair(Int32(index), other))
                    }
                }
            }
        }
    }
}
