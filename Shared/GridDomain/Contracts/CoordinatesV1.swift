/// A point in the contracts, WGS84/CGCS2000 degrees: `{"longitude": 120.1536, "latitude": 30.2875}`.
public struct CoordinatesV1: Sendable, Hashable, Codable {
    /// Degrees east, −180…180.
    public var longitude: Double
    /// Degrees north, −90…90.
    public var latitude: Double

    /// Creates a point (not range-checked; `point()` checks).
    public init(longitude: Double, latitude: Double) {
        self.longitude = longitude
        self.latitude = latitude
    }

    /// The contract form of a domain point.
    public init(_ point: CaseLocation.Point) {
        self.init(longitude: point.longitude, latitude: point.latitude)
    }

    /// The domain point; throws when a coordinate is out of range.
    public func point() throws(CaseDataError) -> CaseLocation.Point {
        try CaseLocation.Point(longitude: longitude, latitude: latitude)
    }

    private enum CodingKeys: String, CodingKey { case longitude, latitude }
}
