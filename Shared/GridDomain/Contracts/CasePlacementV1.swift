/// Where a case sits in the place hierarchy and its area class, as the producing service located it
/// with the city's places. Fixed when the case is opened (intake locates the reported point or place)
/// and copied unchanged into every later snapshot of the case.
public struct CasePlacementV1: Sendable, Hashable, Codable {
    /// The 15-digit unit grid, when known.
    public var grid: PlaceCode?
    /// The 12-digit community (社区/村), when known.
    public var community: PlaceCode?
    /// The 9-digit street or town (街道/乡镇), when known.
    public var street: PlaceCode?
    /// The 6-digit district (区/县), when known.
    public var district: PlaceCode?
    /// The grid's area class (e.g. `core`, `busy`, `general`), when known; it selects deadline rules.
    public var areaClass: AreaClass?

    /// Creates a placement from its parts.
    public init(
        grid: PlaceCode? = nil, community: PlaceCode? = nil, street: PlaceCode? = nil, district: PlaceCode? = nil,
        areaClass: AreaClass? = nil
    ) {
        self.grid = grid
        self.community = community
        self.street = street
        self.district = district
        self.areaClass = areaClass
    }

    /// A placement from the most precise place known (a grid, or a community, street or district
    /// code): the levels above it are read from its digits. A 6-digit city code gives no level.
    public init(place: PlaceCode?, areaClass: AreaClass?) {
        func prefix(_ length: Int, _ level: GovernanceLevel) -> PlaceCode? {
            guard let place, place.level <= level, place.level != .city, place.digits.utf8.count >= length else { return nil }
            return try? PlaceCode(String(place.digits.prefix(length)), level: level)
        }
        self.init(
            grid: prefix(15, .grid), community: prefix(12, .community), street: prefix(9, .street),
            district: prefix(6, .district), areaClass: areaClass)
    }

    /// An empty placement: the case could not be located.
    public static let unknown = CasePlacementV1()

    private enum CodingKeys: String, CodingKey { case grid, community, street, district, areaClass }
}
