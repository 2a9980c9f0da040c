extension PlaceHierarchy {
    /// The unit grid containing the point (WGS84/CGCS2000 degrees), or `nil` when it lies outside
    /// every grid.
    ///
    /// A pure-Swift lookup for validation and tests (production uses PostGIS). Points on a border
    /// shared by two grids belong to exactly one of them (see `GridGeometry.contains`).
    public func locate(lon: Double, lat: Double) -> PlaceCode? {
        let x = lon * GeoPosition.unitsPerDegree, y = lat * GeoPosition.unitsPerDegree
        for index in spatialIndex.candidates(x: x, y: y) {
            let grid = grids[Int(index)]
            if grid.geometry.contains(longitude: lon, latitude: lat) { return grid.code }
        }
        return nil
    }

    /// Every unit grid containing the point: one inside a correctly tiled city, none outside it,
    /// several only where grids overlap.
    public func grids(containingLon lon: Double, lat: Double) -> [PlaceCode] {
        let x = lon * GeoPosition.unitsPerDegree, y = lat * GeoPosition.unitsPerDegree
        return spatialIndex.candidates(x: x, y: y)
            .map { grids[Int($0)] }
            .filter { $0.geometry.contains(longitude: lon, latitude: lat) }
            .map(\.code)
            .sorted()
    }

    /// The box around all grids, or `nil` when the city has none.
    public var boundingBox: GeoBoundingBox? {
        grids.map(\.geometry.boundingBox).reduce(nil) { (partial: GeoBoundingBox?, next) in partial?.union(next) ?? next }
    }
}
