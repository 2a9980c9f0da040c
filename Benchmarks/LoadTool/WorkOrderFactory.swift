import Foundation
import GridDomain

/// Builds realistic hotline work orders on a city: categories from its catalog, points spread over its grids,
/// addresses from its place names, a caller (sometimes anonymous or confidential).
struct WorkOrderFactory: Sendable {
    /// The categories orders are drawn from, with their names.
    let categories: [(code: CategoryCode, name: String)]
    let places: PlaceHierarchy
    let bounds: GeoBoundingBox
    let channel: HotlineWorkOrderV1.Channel
    let seed: UInt64
    /// Every order has a named caller with a phone (no anonymous or confidential calls).
    let alwaysCaller: Bool

    /// Loads the city. `categories` empty means every 小类 whose public reports need no on-site verification (so
    /// intake files the case at once and routing dispatches it).
    init(cityDirectory: String, categories: [String], channel: String, seed: UInt64, alwaysCaller: Bool = false) throws {
        let catalog = try CategoryCatalog(csvPath: "\(cityDirectory)/catalog.csv")
        self.places = try PlaceHierarchy(
            areaClassesPath: "\(cityDirectory)/area-classes.csv", placesPath: "\(cityDirectory)/places.csv",
            gridsPath: "\(cityDirectory)/grids.geojson")
        guard let bounds = self.places.boundingBox else { throw LoadToolError("\(cityDirectory) has no grids") }
        self.bounds = bounds
        if categories.isEmpty {
            self.categories = catalog.definitions.filter { $0.code.isMinorClass && !$0.verifyPublicReports }
                .map { ($0.code, $0.name) }
        } else {
            self.categories = try categories.map { text in
                let code = try CategoryCode(text)
                guard let definition = catalog.definition(code) else {
                    throw LoadToolError("category \(text) is not in \(cityDirectory)/catalog.csv")
                }
                return (code, definition.name)
            }
        }
        guard !self.categories.isEmpty else { throw LoadToolError("no categories to draw orders from") }
        self.channel = channel == "12319" ? .hotline12319 : .hotline12345
        self.seed = seed
        self.alwaysCaller = alwaysCaller
    }

    /// One line about what orders look like.
    var summary: String { "\(self.categories.count) categories, \(self.places.grids.count) grids" }

    /// A run id of 6 capital letters (no digits, so order numbers never look like phone numbers to masking).
    static func runID() -> String {
        let letters = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")
        return String((0..<6).map { _ in letters.randomElement()! })
    }

    /// A deterministic sequence of orders (same seed, same categories and points).
    func generator() -> Generator {
        Generator(factory: self, random: SplitMix64(seed: self.seed))
    }

    /// Produces the orders one by one.
    struct Generator {
        let factory: WorkOrderFactory
        var random: SplitMix64

        /// The next order, numbered `number`, received now.
        mutating func order(number: String) throws -> HotlineWorkOrderV1 {
            let category = self.factory.categories[Int(self.random.next() % UInt64(self.factory.categories.count))]
            let (point, grid) = self.point()
            let caller: HotlineWorkOrderV1.Caller?
            switch self.factory.alwaysCaller ? 9 : self.random.next() % 10 {
            case 0, 1, 2: caller = nil
            case 3: caller = HotlineWorkOrderV1.Caller(name: self.name(), phone: self.phone(), confidential: true)
            default: caller = HotlineWorkOrderV1.Caller(name: self.name(), phone: self.phone())
            }
            let requestType: HotlineWorkOrderV1.RequestType = self.random.next() % 5 == 0 ? .assistance : .complaint
            let address = self.factory.address(of: grid)
            return HotlineWorkOrderV1(
                orderNumber: number, channel: self.factory.channel, receivedAt: Date(), caller: caller,
                requestType: requestType, title: "\(address)\(category.name)",
                content: "来电人反映\(address)附近\(category.name)，请尽快派员处理。",
                location: InboundLocationV1(address: address, point: point),
                category: category.code)
        }

        /// A random point of the city that lies in a grid, with that grid.
        private mutating func point() -> (CoordinatesV1, PlaceCode?) {
            let bounds = self.factory.bounds
            for _ in 0..<50 {
                let longitude = bounds.minimum.longitude + self.unit() * (bounds.maximum.longitude - bounds.minimum.longitude)
                let latitude = bounds.minimum.latitude + self.unit() * (bounds.maximum.latitude - bounds.minimum.latitude)
                let rounded = CoordinatesV1(
                    longitude: (longitude * 1e6).rounded() / 1e6, latitude: (latitude * 1e6).rounded() / 1e6)
                if let grid = self.factory.places.locate(lon: rounded.longitude, lat: rounded.latitude) {
                    return (rounded, grid)
                }
            }
            let grid = self.factory.places.grids[0]
            let corner = grid.geometry.boundingBox.minimum
            return (CoordinatesV1(longitude: corner.longitude + 1e-5, latitude: corner.latitude + 1e-5), grid.code)
        }

        private mutating func unit() -> Double { Double(self.random.next() >> 11) / Double(1 << 53) }

        private mutating func name() -> String {
            let family = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
            let given = ["伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰"]
            return String(family[Int(self.random.next() % UInt64(family.count))])
                + given[Int(self.random.next() % UInt64(given.count))]
        }

        private mutating func phone() -> String {
            let prefixes = ["138", "139", "150", "151", "186", "187", "133", "177"]
            return prefixes[Int(self.random.next() % UInt64(prefixes.count))]
                + String(format: "%08d", Int(self.random.next() % 100_000_000))
        }
    }

    /// `<district><street><community>` of a grid (empty when unknown).
    func address(of grid: PlaceCode?) -> String {
        guard let grid else { return "" }
        return [GovernanceLevel.district, .street, .community].compactMap { level in
            self.places.ancestor(of: grid, at: level).flatMap { self.places.place($0)?.name }
        }.joined()
    }
}

/// A small, fast, seedable generator (SplitMix64), so a seed gives the same orders on every machine.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) {
        self.state = seed
    }

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A failure of the load tool (bad options, city files, unreachable database), with a clear message.
struct LoadToolError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
