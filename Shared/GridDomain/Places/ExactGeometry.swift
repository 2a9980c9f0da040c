/// A point on the integer lattice used for exact geometric predicates (fixed-point degrees, or twice
/// them when midpoints are needed).
struct LatticePoint: Hashable, Comparable, Sendable {
    var x: Int64
    var y: Int64

    init(x: Int64, y: Int64) {
        self.x = x
        self.y = y
    }

    init(_ position: GeoPosition, scale: Int64 = 1) {
        x = Int64(position.longitudeE7) * scale
        y = Int64(position.latitudeE7) * scale
    }

    static func < (lhs: LatticePoint, rhs: LatticePoint) -> Bool { (lhs.x, lhs.y) < (rhs.x, rhs.y) }
}

/// Exact predicates on lattice points (no rounding: products are computed in 128 bits).
enum ExactGeometry {
    /// The sign of the cross product (b − a) × (c − a): +1 when c is left of a→b, −1 right, 0 collinear.
    static func orientation(_ a: LatticePoint, _ b: LatticePoint, _ c: LatticePoint) -> Int {
        let value = cross(dx1: b.x - a.x, dy1: b.y - a.y, dx2: c.x - a.x, dy2: c.y - a.y)
        return value > 0 ? 1 : (value < 0 ? -1 : 0)
    }

    /// The cross product of two direction vectors, exactly.
    static func cross(dx1: Int64, dy1: Int64, dx2: Int64, dy2: Int64) -> Int128 {
        Int128(dx1) * Int128(dy2) - Int128(dy1) * Int128(dx2)
    }

    /// The dot product of two direction vectors, exactly.
    static func dot(dx1: Int64, dy1: Int64, dx2: Int64, dy2: Int64) -> Int128 {
        Int128(dx1) * Int128(dx2) + Int128(dy1) * Int128(dy2)
    }

    /// True when `p` lies on the closed segment a–b.
    static func isOnSegment(_ p: LatticePoint, _ a: LatticePoint, _ b: LatticePoint) -> Bool {
        orientation(a, b, p) == 0
            && min(a.x, b.x) <= p.x && p.x <= max(a.x, b.x)
            && min(a.y, b.y) <= p.y && p.y <= max(a.y, b.y)
    }

    /// True when `p` lies on the segment a–b but is neither endpoint.
    static func isStrictlyInsideSegment(_ p: LatticePoint, _ a: LatticePoint, _ b: LatticePoint) -> Bool {
        p != a && p != b && isOnSegment(p, a, b)
    }

    /// True when the closed segments a–b and c–d share at least one point.
    static func segmentsIntersect(_ a: LatticePoint, _ b: LatticePoint, _ c: LatticePoint, _ d: LatticePoint) -> Bool {
        let o1 = orientation(a, b, c), o2 = orientation(a, b, d)
        let o3 = orientation(c, d, a), o4 = orientation(c, d, b)
        if o1 * o2 < 0 && o3 * o4 < 0 { return true }
        return (o1 == 0 && isOnSegment(c, a, b)) || (o2 == 0 && isOnSegment(d, a, b))
            || (o3 == 0 && isOnSegment(a, c, d)) || (o4 == 0 && isOnSegment(b, c, d))
    }

    /// True when the segments cross at a single point interior to both (no shared endpoint, not collinear).
    static func segmentsCrossProperly(_ a: LatticePoint, _ b: LatticePoint, _ c: LatticePoint, _ d: LatticePoint) -> Bool {
        let o1 = orientation(a, b, c), o2 = orientation(a, b, d)
        let o3 = orientation(c, d, a), o4 = orientation(c, d, b)
        return o1 * o2 < 0 && o3 * o4 < 0
    }

    /// Twice the signed area of a closed ring given without its repeated last vertex
    /// (positive when counter-clockwise).
    static func doubleSignedArea(_ ring: [LatticePoint]) -> Int128 {
        guard ring.count >= 3 else { return 0 }
        var sum: Int128 = 0
        var previous = ring[ring.count - 1]
        for point in ring {
            sum += Int128(previous.x) * Int128(point.y) - Int128(point.x) * Int128(previous.y)
            previous = point
        }
        return sum
    }

    /// Where `p` lies relative to the region bounded by `rings` under the even-odd rule:
    /// `nil` on a boundary, otherwise whether it is inside. Exact.
    static func classify(_ p: LatticePoint, rings: [[LatticePoint]]) -> Bool? {
        var inside = false
        for ring in rings {
            var previous = ring[ring.count - 1]
            for point in ring {
                if isOnSegment(p, previous, point) { return nil }
                let (low, high) = previous.y <= point.y ? (previous, point) : (point, previous)
                if low.y <= p.y && p.y < high.y && orientation(low, high, p) > 0 { inside.toggle() }
                previous = point
            }
        }
        return inside
    }
}
