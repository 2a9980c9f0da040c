#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The area of a unit grid: one polygon, or several (a GeoJSON MultiPolygon) when the grid is split,
/// e.g. by a river.
public struct GridGeometry: Sendable, Hashable {
    /// The polygons, in file order.
    public let polygons: [GeoPolygon]
    /// The box around all polygons.
    public let boundingBox: GeoBoundingBox

    init(polygons: [GeoPolygon]) {
        self.polygons = polygons
        self.boundingBox = GeoBoundingBox(polygons.flatMap { $0.exterior.positions })!  // every ring has ≥ 3 positions
    }

    /// All rings of all polygons.
    public var rings: [GeoRing] { polygons.flatMap(\.rings) }

    /// True when the point is inside, by the even-odd rule over all rings with half-open edges, so that
    /// grids tiling an area claim every point of it exactly once (a point on a shared border goes to one
    /// side, consistently).
    public func contains(longitude: Double, latitude: Double) -> Bool {
        let x = longitude * GeoPosition.unitsPerDegree, y = latitude * GeoPosition.unitsPerDegree
        guard boundingBox.contains(x: x, y: y) else { return false }
        var crossings = 0
        for polygon in polygons {
            crossings += polygon.exterior.crossings(x: x, y: y)
            for hole in polygon.holes { crossings += hole.crossings(x: x, y: y) }
        }
        return crossings % 2 == 1
    }

    /// The area in square metres, approximated on a local equirectangular projection (good to well under
    /// 1% for grid-sized polygons).
    public var approximateAreaSquareMetres: Double {
        let latitude = (boundingBox.minimum.latitude + boundingBox.maximum.latitude) / 2
        let metresPerUnitY = 110_574.0 / GeoPosition.unitsPerDegree
        let metresPerUnitX = 111_320.0 * cos(latitude * .pi / 180) / GeoPosition.unitsPerDegree
        let doubleArea = polygons.reduce(0.0) { sum, polygon in
            sum + Double(polygon.exterior.doubleSignedArea) + polygon.holes.reduce(0.0) { $0 + Double($1.doubleSignedArea) }
        }
        return doubleArea / 2 * metresPerUnitX * metresPerUnitY
    }
}
