import Testing
import GridDomain

@Suite struct PlacesLoaderTests {
    /// The error loading the tiny city with one file replaced, or `nil` when it loads.
    func loadError(
        areaClasses: String = TinyCity.areaClassesCSV, places: String = TinyCity.placesCSV, grids: String = TinyCity.gridsGeoJSON
    ) -> DataFileError? {
        do {
            _ = try PlaceHierarchy(areaClassesCSV: areaClasses, placesCSV: places, gridsGeoJSON: grids)
            return nil
        } catch {
            return error
        }
    }

    func places(appending row: String) -> String { TinyCity.placesCSV + "\n" + row }

    @Test func theTinyCityLoads() {
        #expect(loadError() == nil)
    }

    @Test func anUnknownParentIsReportedWithItsLine() throws {
        let error = try #require(loadError(places: places(appending: "339903001,street,新港街道,339903")))
        #expect(error.file == "places.csv")
        #expect(error.line == 12)
        #expect(error.message.contains("unknown parent district 339903"))
    }

    @Test func aDistrictsParentMustBeTheCity() throws {
        let error = try #require(loadError(places: places(appending: "339903,district,新港区,339800")))
        #expect(error.line == 12)
        #expect(error.message.contains("unknown parent '339800'"))
    }

    @Test func aGivenParentMustAgreeWithTheCode() throws {
        let error = try #require(loadError(places: places(appending: "339901001003,community,新村,339901002")))
        #expect(error.line == 12)
        #expect(error.message.contains("disagrees with the code"))
    }

    @Test func duplicateCodesAreReportedWithBothLines() throws {
        let error = try #require(loadError(places: places(appending: "339901001,street,另一个街道,339901")))
        #expect(error.line == 12)
        #expect(error.message.contains("duplicate place code 339901001 (first on line 5)"))
    }

    @Test func unknownLevelsAndMalformedCodesAreReported() throws {
        let level = try #require(loadError(places: places(appending: "339901003,town-ish,新街道,339901")))
        #expect(level.line == 12)
        #expect(level.message.contains("unknown level 'town-ish'"))
        let code = try #require(loadError(places: places(appending: "3399010031,street,新街道,339901")))
        #expect(code.line == 12)
        #expect(code.message.contains("invalid"))
        let grid = try #require(loadError(places: places(appending: "339901001001003,grid,网格,")))
        #expect(grid.message.contains("GeoJSON"))
    }

    @Test func theFileNeedsExactlyOneCity() throws {
        let none = try #require(loadError(places: "code,level,name,parent\n339901,district,江滨区,"))
        #expect(none.line == nil)
        #expect(none.message.contains("no place has level 'city'"))
        let two = try #require(loadError(places: places(appending: "339800,city,另一市,")))
        #expect(two.line == 12)
        #expect(two.message.contains("a second city"))
    }

    @Test func areaClassesMustBeUniqueIdentifiers() throws {
        let duplicate = try #require(loadError(areaClasses: TinyCity.areaClassesCSV + "\ncore,核心区2,"))
        #expect(duplicate.file == "area-classes.csv")
        #expect(duplicate.line == 5)
        #expect(duplicate.message.contains("declared twice (first on line 2)"))
        let spaced = try #require(loadError(areaClasses: "code,name\ncore area,核心区"))
        #expect(spaced.line == 2)
    }

    // MARK: Grids

    func grids(replacingFirstWith feature: String) -> String {
        var features: [String] = [feature]
        for (index, community) in TinyCity.communities.enumerated() {
            for n in 1...2 where !(index == 0 && n == 1) {
                features.append(TinyCity.square(community + "00\(n)", x: 2 * index + n - 1, areaClass: TinyCity.areaClasses[index]))
            }
        }
        return TinyCity.collection(features)
    }

    func polygon(_ code: String, _ ring: String, type: String = "Polygon", properties: String? = nil) -> String {
        let props = properties ?? #"{"code":"\#(code)","area_class":"core"}"#
        return #"{"type":"Feature","properties":\#(props),"geometry":{"type":"\#(type)","coordinates":\#(ring)}}"#
    }

    func gridError(_ feature: String) throws -> DataFileError {
        try #require(loadError(grids: grids(replacingFirstWith: feature)))
    }

    @Test func duplicateGridCodesNameBothFeatures() throws {
        let features = [TinyCity.square("339901001001001", x: 0, areaClass: "core"), TinyCity.square("339901001001001", x: 1, areaClass: "core")]
        let error = try #require(loadError(grids: TinyCity.collection(features)))
        #expect(error.file == "grids.geojson")
        #expect(error.message == "feature 2 (grid 339901001001001): duplicate grid code (first in feature 1)")
    }

    @Test func aGridNeedsAKnownCommunityAndAreaClass() throws {
        let community = try gridError(TinyCity.square("339901001009001", x: 0, areaClass: "core"))
        #expect(community.message.contains("unknown parent community 339901001009"))
        let areaClass = try gridError(TinyCity.square("339901001001001", x: 0, areaClass: "downtown"))
        #expect(areaClass.message.contains("unknown area class 'downtown'"))
        let missing = try gridError(polygon("", "[[[120,30],[120.001,30],[120.001,30.001],[120,30]]]", properties: #"{"area_class":"core"}"#))
        #expect(missing.message.contains("property 'code'"))
        let number = try gridError(polygon("", "[[[120,30],[120.001,30],[120.001,30.001],[120,30]]]", properties: #"{"code":339901001001001,"area_class":"core"}"#))
        #expect(number.message.contains("as a string"))
    }

    @Test(arguments: [
        ("[[[120,30],[120.001,30],[120.001,30.001],[120,30.001]]]", "not closed"),
        ("[[[120,30],[120.001,30],[120,30]]]", "at least 4 positions"),
        ("[[[120,30],[120.001,30.001],[120.001,30],[120,30.002],[120,30]]]", "intersects itself"),
        ("[[[120,30],[120.001,30],[120.002,30],[120,30]]]", "zero area"),
        ("[[[120,30],[190,30],[190,30.001],[120,30]]]", "outside longitude"),
        ("[[[120,30],[120.001,30],[120.001,30.001],[120,30.001],[120,30]],[[120.005,30.005],[120.006,30.005],[120.006,30.006],[120.005,30.005]]]", "not inside the exterior"),
        ("[[[120,30],[120.001],[120.001,30.001],[120,30]]]", "[longitude, latitude]"),
        ("[[120,30]]", "found a number"),
    ])
    func malformedGeometryIsExplained(ring: String, message: String) throws {
        let error = try gridError(polygon("339901001001001", ring))
        #expect(error.message.hasPrefix("feature 1 (grid 339901001001001): malformed geometry"))
        #expect(error.message.contains(message), "\(error.message)")
    }

    @Test func onlyPolygonsAndMultiPolygonsAreGrids() throws {
        let point = try gridError(polygon("339901001001001", "[120,30]", type: "Point"))
        #expect(point.message.contains("must be a Polygon or MultiPolygon, not Point"))
        let multi = polygon(
            "339901001001001",
            "[[[[120,30],[120.0005,30],[120.0005,30.001],[120,30.001],[120,30]]],[[[120.0005,30],[120.001,30],[120.001,30.001],[120.0005,30.001],[120.0005,30]]]]",
            type: "MultiPolygon")
        #expect(loadError(grids: grids(replacingFirstWith: multi)) == nil)
    }

    @Test func theFileMustBeAFeatureCollectionOfValidJSON() throws {
        let notCollection = try #require(loadError(grids: #"{"type":"Feature","properties":{}}"#))
        #expect(notCollection.message.contains("expected a GeoJSON FeatureCollection"))
        let broken = try #require(loadError(grids: #"{"type":"FeatureCollection","features":[{"type":"Feature",}"#))
        #expect(broken.message.contains("not valid JSON"))
    }

    @Test func ringsAreStoredCounterClockwiseWithoutTheClosingPosition() throws {
        // Given clockwise, stored counter-clockwise (RFC 7946 orientation).
        let clockwise = polygon("339901001001001", "[[[120,30],[120,30.001],[120.001,30.001],[120.001,30],[120,30]]]")
        let places = try PlaceHierarchy(
            areaClassesCSV: TinyCity.areaClassesCSV, placesCSV: TinyCity.placesCSV, gridsGeoJSON: grids(replacingFirstWith: clockwise))
        let ring = try #require(places.grid(TinyCity.grid("339901001001001"))).geometry.polygons[0].exterior.positions
        #expect(ring.count == 4)
        #expect(ring.map(\.description) == ["120.0000000,30.0000000", "120.0010000,30.0000000", "120.0010000,30.0010000", "120.0000000,30.0010000"].rotated(toStartAt: ring[0].description))
    }
}

extension Array where Element == String {
    /// The same cyclic sequence starting at `first`.
    func rotated(toStartAt first: String) -> [String] {
        guard let index = firstIndex(of: first) else { return self }
        return Array(self[index...] + self[..<index])
    }
}
