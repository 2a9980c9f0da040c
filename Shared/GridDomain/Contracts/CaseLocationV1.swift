/// Where a problem is, in the contracts: a point and/or a place code, and an address text (masked with
/// `Masking.freeText` in events). At least a point or a place is present.
public struct CaseLocationV1: Sendable, Hashable, Codable {
    /// The reported point, when known.
    public var point: CoordinatesV1?
    /// The grid or other place (6, 9, 12 or 15 digits) the problem lies in, when known.
    public var place: PlaceCode?
    /// The address or landmark text, when given.
    public var address: String?

    /// Creates a location.
    public init(point: CoordinatesV1? = nil, place: PlaceCode? = nil, address: String? = nil) {
        self.point = point
        self.place = place
        self.address = address
    }

    /// The contract form of a domain location, with the address masked.
    public init(masking location: CaseLocation) {
        self.init(
            point: location.point.map(CoordinatesV1.init), place: location.place,
            address: location.address.map(Masking.freeText))
    }

    /// The domain location; throws when a coordinate is out of range or neither a point nor a place is given.
    public func caseLocation() throws(CaseDataError) -> CaseLocation {
        let point = try point.map { (point) throws(CaseDataError) in try point.point() }
        return try CaseLocation(point: point, place: place, address: address)
    }

    private enum CodingKeys: String, CodingKey { case point, place, address }
}
