import GridDomain
import Logging
import PostgresNIO

/// Places reports in the city: a point is located in its unit grid with PostGIS (point-in-polygon on
/// the loaded grids, every point of a batch in one query), a place code is checked against the
/// city's places. The result is the case's placement (grid, community, street, district, area class),
/// fixed for the case's whole life.
///
/// Points on a border shared by grids are covered by each of them (`ST_Covers`); the tie is decided
/// as the domain's `PlaceHierarchy.locate` decides it (half-open edges: a point belongs to exactly one
/// grid of a tiling), and by the lowest grid code if that rule names none of the candidates. So
/// PostGIS and the in-memory locator always agree.
struct Locator: Sendable {
    /// The city's places.
    let places: PlaceHierarchy
    let store = GridStore()

    /// The placement of each location, in order: a grid for a point, the given place for a place code
    /// alone (a city code gives an empty placement, which routing queues for manual dispatch).
    func place(_ locations: [CaseLocation], on connection: PostgresConnection, logger: Logger) async throws
        -> [Result<CasePlacementV1, LocationError>]
    {
        let pointIndices = locations.indices.filter { locations[$0].point != nil }
        let covering = try await store.coveringGrids(
            of: pointIndices.map { locations[$0].point! }, on: connection, logger: logger)
        var gridsByLocation: [Int: [String]] = [:]
        for (position, index) in pointIndices.enumerated() { gridsByLocation[index] = covering[position] }
        return locations.indices.map { index in
            placement(of: locations[index], coveringGrids: gridsByLocation[index])
        }
    }

    /// The placement of one location given the grids covering its point.
    func placement(of location: CaseLocation, coveringGrids: [String]?) -> Result<CasePlacementV1, LocationError> {
        var givenPlace: PlaceCode?
        if let place = location.place {
            guard let known = try? places.code(parsing: place.digits) else {
                return .failure(.unknown(place, city: places.city))
            }
            givenPlace = known
        }
        if let point = location.point {
            guard let grid = chooseGrid(among: coveringGrids ?? [], at: point) else {
                return .failure(.outside(point, city: places.city))
            }
            return .success(CasePlacementV1(place: grid, areaClass: places.grid(grid)?.areaClass))
        }
        guard let givenPlace else { return .success(.unknown) }
        if givenPlace.level == .city { return .success(.unknown) }
        return .success(CasePlacementV1(place: givenPlace, areaClass: places.grid(givenPlace)?.areaClass))
    }

    /// The grid a point belongs to among those covering it.
    func chooseGrid(among candidates: [String], at point: CaseLocation.Point) -> PlaceCode? {
        let codes = candidates.compactMap { try? PlaceCode($0, level: .grid) }.filter { places.grid($0) != nil }.sorted()
        guard codes.count > 1 else { return codes.first }
        if let decided = places.locate(lon: point.longitude, lat: point.latitude), codes.contains(decided) { return decided }
        return codes.first
    }
}
