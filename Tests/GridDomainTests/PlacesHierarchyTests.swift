import Testing
import GridDomain
import TestSupport

@Suite struct PlacesHierarchyTests {
    @Test func theHierarchyLinksEveryLevel() throws {
        let places = try TinyCity.places()
        let grid = TinyCity.grid("339901001002001")
        #expect(places.ancestors(of: grid).map(\.digits) == ["339901001002", "339901001", "339901", "339900"])
        #expect(places.ancestor(of: grid, at: .city) == places.city.code)
        #expect(places.ancestor(of: grid, at: .street)?.digits == "339901001")
        #expect(places.children(of: places.city.code).map(\.digits) == ["339901", "339902"])
        #expect(places.children(of: try PlaceCode("339901001")).map(\.digits) == ["339901001001", "339901001002"])
        #expect(places.grids(within: try PlaceCode("339901")).count == 6)
        #expect(places.grids(within: places.city.code).count == 8)
        #expect(places.grids(within: grid) == [grid])
        #expect(places.isWithin(grid, try PlaceCode("339901")))
        #expect(!places.isWithin(grid, try PlaceCode("339902")))
        #expect(places.isWithin(grid, places.city.code))
        #expect(places.place(try PlaceCode("339901001"))?.name == "望江街道")
        #expect(places.place(grid)?.parent?.digits == "339901001002")
        #expect(places.countsByLevel == [.city: 1, .district: 2, .street: 3, .community: 4, .grid: 8])
    }

    @Test func gridsCarryTheirAreaClassAndGeometry() throws {
        let places = try TinyCity.places()
        let grid = try #require(places.grid(TinyCity.grid("339901001001002")))
        #expect(grid.areaClass == AreaClass("core"))
        #expect(grid.community.digits == "339901001001")
        #expect(grid.name == "339901001001002")  // no name property: the code
        #expect(grid.geometry.polygons.count == 1)
        #expect(grid.geometry.polygons[0].exterior.positions.count == 4)
        // 0.001° × 0.001° at 30° N is about 96 m × 111 m.
        #expect(abs(grid.geometry.approximateAreaSquareMetres - 10_640) < 100)
        #expect(places.areaClasses.map(\.name) == ["核心区", "繁华区", "一般区"])
        #expect(places.grid(try PlaceCode("339901001001009")) == nil)
    }

    @Test func theSampleCityHasTheRequiredSizeAndMixedAreaClasses() throws {
        let places = try SampleCity.reference().places
        let counts = places.countsByLevel
        #expect(places.city.code.digits == "339900")
        #expect(places.city.name == "临江市")
        #expect(counts[.district]! >= 3)
        #expect(counts[.street]! >= 10)
        #expect(counts[.community]! >= 40)
        #expect(counts[.grid]! >= 1000)
        let classes = Set(places.grids.map(\.areaClass))
        #expect(classes == [AreaClass("core"), AreaClass("busy"), AreaClass("general")])
        for grid in places.grids.prefix(50) {
            let position = grid.geometry.boundingBox.minimum
            #expect((120.0...120.4).contains(position.longitude) && (30.1...30.4).contains(position.latitude))
        }
    }
}
