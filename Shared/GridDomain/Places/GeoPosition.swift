/// A WGS84/CGCS2000 longitude/latitude position, held in fixed point at 1e-7 degree (about 1 cm).
///
/// Grid polygons are read from GeoJSON and snapped to this resolution so that the tiling check can
/// use exact integer arithmetic: two grids that share a border share bit-identical vertices.
public struct GeoPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Fixed-point units per degree.
    public static let unitsPerDegree: Double = 10_000_000

    /// Longitude in units of 1e-7 degree.
    public let longitudeE7: Int32
    /// Latitude in units of 1e-7 degree.
    public let latitudeE7: Int32

    /// Creates a position from fixed-point values.
    public init(longitudeE7: Int32, latitudeE7: Int32) {
        self.longitudeE7 = longitudeE7
        self.latitudeE7 = latitudeE7
    }

    /// Creates a position from degrees, rounding to the fixed-point resolution; `nil` when a value is
    /// not finite or outside [-180, 180] × [-90, 90].
    public init?(longitude: Double, latitude: Double) {
        guard longitude.isFinite, latitude.isFinite,
              (-180...180).contains(longitude), (-90...90).contains(latitude) else { return nil }
        self.longitudeE7 = Int32((longitude * Self.unitsPerDegree).rounded())
        self.latitudeE7 = Int32((latitude * Self.unitsPerDegree).rounded())
    }

    /// Longitude in degrees.
    public var longitude: Double { Double(longitudeE7) / Self.unitsPerDegree }
    /// Latitude in degrees.
    public var latitude: Double { Double(latitudeE7) / Self.unitsPerDegree }

    /// `lon,lat` in degrees with 7 decimals.
    public var description: String { "\(Self.format(longitudeE7)),\(Self.format(latitudeE7))" }

    /// Orders by latitude, then longitude.
    public static func < (lhs: GeoPosition, rhs: GeoPosition) -> Bool {
        (lhs.latitudeE7, lhs.longitudeE7) < (rhs.latitudeE7, rhs.longitudeE7)
    }

    private static func format(_ value: Int32) -> String {
        let magnitude = value.magnitude
        let whole = magnitude / 10_000_000
        let fraction = String(magnitude % 10_000_000)
        return (value < 0 ? "-" : "") + "\(whole)." + String(repeating: "0", count: 7 - fraction.count) + fraction
    }
}
