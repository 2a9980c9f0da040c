/// An axis-aligned box in fixed-point longitude/latitude (see `GeoPosition`), bounds inclusive.
public struct GeoBoundingBox: Sendable, Hashable {
    /// The south-west corner.
    public var minimum: GeoPosition
    /// The north-east corner.
    public var maximum: GeoPosition

    /// The smallest box holding `positions`; `nil` when there are none.
    public init?(_ positions: some Sequence<GeoPosition>) {
        var iterator = positions.makeIterator()
        guard let first = iterator.next() else { return nil }
        var minLon = first.longitudeE7, maxLon = first.longitudeE7
        var minLat = first.latitudeE7, maxLat = first.latitudeE7
        while let p = iterator.next() {
            minLon = min(minLon, p.longitudeE7); maxLon = max(maxLon, p.longitudeE7)
            minLat = min(minLat, p.latitudeE7); maxLat = max(maxLat, p.latitudeE7)
        }
        minimum = GeoPosition(longitudeE7: minLon, latitudeE7: minLat)
        maximum = GeoPosition(longitudeE7: maxLon, latitudeE7: maxLat)
    }

    /// The smallest box holding both boxes.
    public func union(_ other: GeoBoundingBox) -> GeoBoundingBox {
        var box = self
        box.minimum = GeoPosition(
            longitudeE7: min(minimum.longitudeE7, other.minimum.longitudeE7),
            latitudeE7: min(minimum.latitudeE7, other.minimum.latitudeE7))
        box.maximum = GeoPosition(
            longitudeE7: max(maximum.longitudeE7, other.maximum.longitudeE7),
            latitudeE7: max(maximum.latitudeE7, other.maximum.latitudeE7))
        return box
    }

    /// True when the point (in fixed-point units, possibly fractional) lies in the box.
    func contains(x: Double, y: Double) -> Bool {
        x >= Double(minimum.longitudeE7) && x <= Double(maximum.longitudeE7)
            && y >= Double(minimum.latitudeE7) && y <= Double(maximum.latitudeE7)
    }
}
