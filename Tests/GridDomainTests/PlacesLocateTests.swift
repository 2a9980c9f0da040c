import Testing
import PropertyBased
import GridDomain
import TestSupport

@Suite struct PlacesLocateTests {
    @Test func pointsLocateToTheGridAroundThem() throws {
        let places = try TinyCity.places()
        #expect(places.locate(lon: 120.0005, lat: 30.0005)?.digits == "339901001001001")
        #expect(places.locate(lon: 120.0075, lat: 30.0002)?.digits == "339902001001002")
        #expect(places.locate(lon: 120.0095, lat: 30.0005) == nil)  // east of the city
        #expect(places.locate(lon: 120.0005, lat: 30.0015) == nil)  // north of it
        #expect(places.locate(lon: .nan, lat: 30) == nil)
    }

    @Test func aPointOnASharedBorderBelongsToExactlyOneGrid() throws {
        let places = try TinyCity.places()
        for x in 1...7 {
            let lon = 120 + Double(x) / 1000
            #expect(places.grids(containingLon: lon, lat: 30.0005).count == 1, "border at \(lon)")
        }
        // A shared corner of two grids, inside the city's outline.
        #expect(places.grids(containingLon: 120.001, lat: 30.0).count == 1)
    }

    @Test func locateAgreesWithTestingEveryGrid() async throws {
        let places = try SampleCity.reference().places
        let box = try #require(places.boundingBox)
        let lon = Gen.double(in: box.minimum.longitude...box.maximum.longitude)
        let lat = Gen.double(in: box.minimum.latitude...box.maximum.latitude)
        await propertyCheck(count: 300, input: lon, lat) { lon, lat in
            let everyGrid = places.grids.filter { $0.geometry.contains(longitude: lon, latitude: lat) }.map(\.code)
            #expect(places.grids(containingLon: lon, lat: lat) == everyGrid)
            #expect(places.locate(lon: lon, lat: lat) == everyGrid.first)
        }
    }

    /// The sample city is a rectangle tiled by its grids: every point inside it is in exactly one grid.
    @Test func everyPointInsideTheCityLocatesToExactlyOneGrid() async throws {
        let places = try SampleCity.reference().places
        let box = try #require(places.boundingBox)
        // Stay a hair inside the outline: points on the city's own north and east edges are outside
        // under the half-open rule, as they should be for a neighbouring city.
        let epsilon = 1e-9
        let lon = Gen.double(in: box.minimum.longitude...(box.maximum.longitude - epsilon))
        let lat = Gen.double(in: box.minimum.latitude...(box.maximum.latitude - epsilon))
        await propertyCheck(count: 3000, input: lon, lat) { lon, lat in
            #expect(places.grids(containingLon: lon, lat: lat).count == 1)
        }
    }

    @Test func pointsOnGridVerticesAndBordersOfTheSampleCityBelongToOneGrid() throws {
        let places = try SampleCity.reference().places
        let box = try #require(places.boundingBox)
        var checked = 0
        for grid in places.grids.prefix(200) {
            for position in grid.geometry.polygons[0].exterior.positions
            where position.longitudeE7 < box.maximum.longitudeE7 && position.latitudeE7 < box.maximum.latitudeE7 {
                #expect(places.grids(containingLon: position.longitude, lat: position.latitude).count == 1, "vertex \(position)")
                checked += 1
            }
        }
        #expect(checked > 500)
    }
}
