/// A uniform bucket index over the grids' bounding boxes, so point location tests only the few grids
/// whose boxes cover the point's bucket.
struct GridSpatialIndex: Sendable {
    private let origin: (x: Double, y: Double)
    private let cellSize: (x: Double, y: Double)
    private let columns: Int
    private let rows: Int
    private let buckets: [[Int32]]

    /// Indexes `grids` (positions in the array are what queries return).
    init(grids: [UnitGrid]) {
        guard let box = grids.map(\.geometry.boundingBox).reduce(nil, { (partial: GeoBoundingBox?, next) in partial?.union(next) ?? next }) else {
            origin = (0, 0); cellSize = (1, 1); columns = 0; rows = 0; buckets = []
            return
        }
        let width = Double(box.maximum.longitudeE7 - box.minimum.longitudeE7) + 1
        let height = Double(box.maximum.latitudeE7 - box.minimum.latitudeE7) + 1
        // About one bucket per grid, shaped like the city's box.
        let target = Double(max(grids.count, 1))
        let columns = max(1, min(4096, Int((target * width / height).squareRoot().rounded(.up))))
        let rows = max(1, min(4096, Int((target * height / width).squareRoot().rounded(.up))))
        let cellSize = (x: width / Double(columns), y: height / Double(rows))
        let origin = (x: Double(box.minimum.longitudeE7), y: Double(box.minimum.latitudeE7))
        var buckets = [[Int32]](repeating: [], count: columns * rows)
        for (index, grid) in grids.enumerated() {
            let b = grid.geometry.boundingBox
            let c0 = Self.cell(Double(b.minimum.longitudeE7), origin.x, cellSize.x, columns)
            let c1 = Self.cell(Double(b.maximum.longitudeE7), origin.x, cellSize.x, columns)
            let r0 = Self.cell(Double(b.minimum.latitudeE7), origin.y, cellSize.y, rows)
            let r1 = Self.cell(Double(b.maximum.latitudeE7), origin.y, cellSize.y, rows)
            for r in r0...r1 {
                for c in c0...c1 { buckets[r * columns + c].append(Int32(index)) }
            }
        }
        self.origin = origin
        self.cellSize = cellSize
        self.columns = columns
        self.rows = rows
        self.buckets = buckets
    }

    /// Indexes of the grids whose bounding boxes may hold the point (fixed-point units); empty outside.
    func candidates(x: Double, y: Double) -> ArraySlice<Int32> {
        guard columns > 0, x.isFinite, y.isFinite else { return [] }
        let cx = (x - origin.x) / cellSize.x, cy = (y - origin.y) / cellSize.y
        guard cx >= 0, cy >= 0, cx < Double(columns), cy < Double(rows) else { return [] }
        return buckets[Int(cy) * columns + Int(cx)][...]
    }

    private static func cell(_ value: Double, _ origin: Double, _ size: Double, _ count: Int) -> Int {
        min(count - 1, max(0, Int((value - origin) / size)))
    }
}
