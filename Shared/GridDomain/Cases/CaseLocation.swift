/// Where a problem is: a point (longitude/latitude, WGS84/CGCS2000), a unit-grid or other place code,
/// or both, plus an optional address text. At least a point or a place code is required.
///
/// A point alone is located into its grid by the routing service (points on a grid boundary are
/// decided there); a grid code alone is enough to route by the 权责清单.
public struct CaseLocation: Sendable, Hashable, Codable {
    /// A longitude/latitude pair in degrees.
    public struct Point: Sendable, Hashable, Codable, CustomStringConvertible {
        /// Longitude in degrees east, −180…180.
        public let longitude: Double
        /// Latitude in degrees north, −90…90.
        public let latitude: Double

        /// Checks the ranges and wraps the coordinates.
        public init(longitude: Double, latitude: Double) throws(CaseDataError) {
            guard longitude.isFinite, latitude.isFinite, (-180...180).contains(longitude), (-90...90).contains(latitude) else {
                throw CaseDataError(
                    field: "location", value: "\(longitude),\(latitude)",
                    reason: "longitude must be within −180…180 and latitude within −90…90 degrees")
            }
            self.longitude = longitude
            self.latitude = latitude
        }

        /// `120.123456,30.234567` (longitude first, as in GeoJSON).
        public var description: String { "\(longitude),\(latitude)" }

        private enum CodingKeys: String, CodingKey { case longitude = "lon", latitude = "lat" }

        /// Decodes `{"lon": …, "lat": …}` and checks the ranges.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            try self.init(
                longitude: container.decode(Double.self, forKey: .longitude),
                latitude: container.decode(Double.self, forKey: .latitude))
        }
    }

    /// The reported point, when known.
    public let point: Point?
    /// The grid (or another place in the hierarchy) the problem lies in, when known.
    public let place: PlaceCode?
    /// A free-text address or landmark (e.g. `滨江路与江南大道交叉口东北角`), when given.
    public let address: String?

    /// Creates a location; throws when neither a point nor a place code is given.
    public init(point: Point? = nil, place: PlaceCode? = nil, address: String? = nil) throws(CaseDataError) {
        guard point != nil || place != nil else {
            throw CaseDataError(field: "location", value: address ?? "", reason: "a point or a place code is required")
        }
        self.point = point
        self.place = place
        self.address = address
    }

    /// The unit-grid code when the place is a grid.
    public var grid: PlaceCode? { place?.level == .grid ? place : nil }

    private enum CodingKeys: String, CodingKey { case point, place, address }

    /// Decodes and re-checks that a point or a place is present.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            point: container.decodeIfPresent(Point.self, forKey: .point),
            place: container.decodeIfPresent(PlaceCode.self, forKey: .place),
            address: container.decodeIfPresent(String.self, forKey: .address))
    }
}
