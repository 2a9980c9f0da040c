import Testing
import GridDomain

@Suite struct PlacesSmokeTests {
    @Test func tinyCityLoads() throws {
        let places = try TinyCity.places()
        #expect(places.grids.count == 8)
        #expect(places.checkTiling().isClean)
    }

    @Test func sampleCityLoadsAndTiles() throws {
        let data = try SampleCityFixture.load()
        #expect(data.places.grids.count >= 1000)
        let report = data.places.checkTiling()
        #expect(report.isClean, "\(report.issues.prefix(10))")
        let validation = try data.resolver().validate(from: EffectiveDate(year: 2025, month: 1, day: 1)!)
        #expect(validation.isClean, "\(validation)")
    }
}
