/// A polygon: one exterior ring and any number of holes.
public struct GeoPolygon: Sendable, Hashable {
    /// The outer boundary, counter-clockwise.
    public let exterior: GeoRing
    /// Holes, clockwise, each inside the exterior.
    public let holes: [GeoRing]

    init(exterior: GeoRing, holes: [GeoRing]) {
        self.exterior = exterior
        self.holes = holes
    }

    /// All rings, exterior first.
    public var rings: [GeoRing] { [exterior] + holes }

    /// Checks a polygon's rings as read from GeoJSON (first the exterior, then holes).
    static func validated(rings raw: [[GeoPosition]]) throws(GeometryProblem) -> GeoPolygon {
        guard let first = raw.first else { throw GeometryProblem("a polygon needs at least one ring") }
        let exterior: GeoRing
        do { exterior = try GeoRing.validated(closedPositions: first, exterior: true) } catch {
            throw GeometryProblem("exterior ring: \(error.message)")
        }
        let outer = exterior.positions.map { LatticePoint($0) }
        var holes: [GeoRing] = []
        for (index, ringPositions) in raw.dropFirst().enumerated() {
            let hole: GeoRing
            do { hole = try GeoRing.validated(closedPositions: ringPositions, exterior: false) } catch {
                throw GeometryProblem("hole \(index + 1): \(error.message)")
            }
            for position in hole.positions where ExactGeometry.classify(LatticePoint(position), rings: [outer]) == false {
                throw GeometryProblem("hole \(index + 1) is not inside the exterior ring (position \(position))")
            }
            holes.append(hole)
        }
        return GeoPolygon(exterior: exterior, holes: holes)
    }
}
