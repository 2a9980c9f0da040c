/// A closed linear ring of a polygon, stored without repeating its first position at the end.
///
/// Rings built by the loaders are valid: at least three distinct positions, no self-intersection,
/// non-zero area, exterior rings counter-clockwise and holes clockwise (RFC 7946 §3.1.6).
public struct GeoRing: Sendable, Hashable {
    /// The vertices in order; the ring closes from the last back to the first.
    public let positions: [GeoPosition]

    init(validated positions: [GeoPosition]) {
        self.positions = positions
    }

    /// Twice the signed area in fixed-point units² (positive when counter-clockwise).
    var doubleSignedArea: Int128 { ExactGeometry.doubleSignedArea(positions.map { LatticePoint($0) }) }

    /// Counts the ring's edges that a ray from (x, y) towards +x crosses, using the half-open rule
    /// (an edge counts when its lower end is at or below y and its upper end above y) and computing
    /// each crossing from the edge's lower end, so that two grids sharing an edge agree bit for bit
    /// and a point on a shared border belongs to exactly one of them.
    func crossings(x: Double, y: Double) -> Int {
        var count = 0
        var previous = positions[positions.count - 1]
        for position in positions {
            let (low, high) = previous.latitudeE7 < position.latitudeE7
                || (previous.latitudeE7 == position.latitudeE7 && previous.longitudeE7 < position.longitudeE7)
                ? (previous, position) : (position, previous)
            let lowY = Double(low.latitudeE7), highY = Double(high.latitudeE7)
            if lowY <= y && y < highY {
                let lowX = Double(low.longitudeE7), highX = Double(high.longitudeE7)
                let crossingX = lowX + (y - lowY) * (highX - lowX) / (highY - lowY)
                if x < crossingX { count += 1 }
            }
            previous = position
        }
        return count
    }

    /// Checks a ring as read from GeoJSON (closed, first position repeated last) and returns its
    /// distinct vertices, oriented counter-clockwise when `exterior`, clockwise otherwise.
    static func validated(closedPositions raw: [GeoPosition], exterior: Bool) throws(GeometryProblem) -> GeoRing {
        guard raw.count >= 4 else {
            throw GeometryProblem("a ring needs at least 4 positions (the first repeated last), got \(raw.count)")
        }
        guard raw.first == raw.last else {
            throw GeometryProblem("the ring is not closed: its last position \(raw.last!) differs from its first \(raw.first!)")
        }
        var positions: [GeoPosition] = []
        positions.reserveCapacity(raw.count - 1)
        for position in raw.dropLast() where positions.last != position {
            positions.append(position)
        }
        while positions.count > 1 && positions.first == positions.last { positions.removeLast() }
        guard positions.count >= 3 else {
            throw GeometryProblem("the ring has fewer than 3 distinct positions at 1e-7 degree resolution")
        }
        let points = positions.map { LatticePoint($0) }
        let area = ExactGeometry.doubleSignedArea(points)
        guard area != 0 else { throw GeometryProblem("the ring has zero area") }
        if let problem = selfIntersection(points) { throw GeometryProblem(problem) }
        if (area > 0) != exterior { positions.reverse() }
        return GeoRing(validated: positions)
    }

    /// Describes the first self-intersection of the ring, or returns `nil` when it is simple.
    private static func selfIntersection(_ points: [LatticePoint]) -> String? {
        let n = points.count
        for i in 0..<n {
            let a = points[i], b = points[(i + 1) % n]
            // The next edge shares b: it must not fold back over this one.
            let c = points[(i + 2) % n]
            if ExactGeometry.orientation(a, b, c) == 0 && ExactGeometry.dot(dx1: b.x - a.x, dy1: b.y - a.y, dx2: c.x - b.x, dy2: c.y - b.y) < 0 {
                return "the ring folds back on itself at \(describe(b))"
            }
            for j in stride(from: i + 2, to: n, by: 1) where !(i == 0 && j == n - 1) {
                let c = points[j], d = points[(j + 1) % n]
                if ExactGeometry.segmentsIntersect(a, b, c, d) {
                    return "the ring intersects itself: edge \(describe(a))–\(describe(b)) meets edge \(describe(c))–\(describe(d))"
                }
            }
        }
        return nil
    }

    private static func describe(_ p: LatticePoint) -> String {
        GeoPosition(longitudeE7: Int32(p.x), latitudeE7: Int32(p.y)).description
    }
}

/// What is wrong with a geometry, in words for the message of a `DataFileError`.
struct GeometryProblem: Error, Sendable {
    let message: String
    init(_ message: String) { self.message = message }
}
