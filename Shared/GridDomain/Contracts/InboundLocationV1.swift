/// Where the problem is, in inbound contracts (hotline work orders, sensing alerts): an address
/// and/or a point and/or a place code. A point or a place code is required (an address alone cannot
/// be routed); a hotline that only has an address sends at least the district's 6-digit division
/// code as `placeCode`.
public struct InboundLocationV1: Sendable, Hashable, Codable {
    /// The coordinate reference systems accepted for `point`.
    public enum CoordinateSystem: String, Sendable, Hashable, Codable, CaseIterable {
        /// WGS 84 (GPS).
        case wgs84
        /// CGCS2000 (China's geodetic system; the same as WGS 84 at this precision).
        case cgcs2000
    }

    /// Longest address, in characters.
    public static let maximumAddressLength = 500

    /// The address or landmark text (at most 500 characters).
    public var address: String?
    /// The point, in `crs` degrees.
    public var point: CoordinatesV1?
    /// The point's coordinate system; `wgs84` when absent. Offset systems of web maps (GCJ-02,
    /// BD-09) are refused: convert before sending.
    public var crs: CoordinateSystem?
    /// The unit grid (15 digits) or a community (12), street (9) or district (6) code.
    public var placeCode: PlaceCode?
    /// Problems found while decoding.
    public private(set) var decodingProblems: [ContractProblem] = []

    /// Creates a location.
    public init(address: String? = nil, point: CoordinatesV1? = nil, crs: CoordinateSystem? = nil, placeCode: PlaceCode? = nil) {
        self.address = address
        self.point = point
        self.crs = crs
        self.placeCode = placeCode
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case address, point, crs, placeCode }

    /// Decodes leniently.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var problems: [ContractProblem] = []
        address = c.lenient(String.self, .address, &problems)
        point = c.lenient(CoordinatesV1.self, .point, &problems)
        crs = c.lenientEnum(CoordinateSystem.self, .crs, &problems)
        placeCode = c.lenient(PlaceCode.self, .placeCode, &problems)
        decodingProblems = problems
    }
}

extension InboundLocationV1 {
    /// Records the location's problems (ranges, lengths, a point or a place) under `field`.
    func check(_ field: String, _ check: inout ProblemList) {
        if let address, address.count > Self.maximumAddressLength {
            check.add(field + ".address", .tooLong, "longer than \(Self.maximumAddressLength) characters")
        }
        if let point {
            if !(point.longitude.isFinite && (-180...180).contains(point.longitude)) {
                check.add(field + ".point.longitude", .outOfRange, "\(point.longitude) is not within −180…180 degrees")
            }
            if !(point.latitude.isFinite && (-90...90).contains(point.latitude)) {
                check.add(field + ".point.latitude", .outOfRange, "\(point.latitude) is not within −90…90 degrees")
            }
        }
        let pointGiven = point != nil || check.has(field + ".point")
        let placeGiven = placeCode != nil || check.has(field + ".placeCode")
        if !pointGiven, !placeGiven {
            check.add(
                field, .inconsistent,
                "give a point or a place code (at least the district's 6-digit division code); an address alone cannot be routed")
        }
    }

    /// The domain location of a checked location.
    func caseLocation() throws(CaseDataError) -> CaseLocation {
        let point = try point.map { (point) throws(CaseDataError) in try point.point() }
        return try CaseLocation(point: point, place: placeCode, address: address)
    }
}
