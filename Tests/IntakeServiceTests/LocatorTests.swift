import Foundation
import GridDomain
import PostgresNIO
import TestSupport
import Testing

@testable import IntakeService

@Suite("Locating reports with PostGIS")
struct LocatorTests {
    @Test func everyGridsInteriorPointIsLocatedInThatGridInOneQuery() async throws {
        try await IntakeFixture.with { fixture in
            let grids = fixture.places.grids
            let locations = try grids.map { try CaseLocation(point: fixture.interiorPoint(of: $0.code.digits)) }
            let placements = try await fixture.database.client.withConnection { connection in
                try await fixture.desk.locator.place(locations, on: connection, logger: fixture.database.logger)
            }
            #expect(placements.count == 1_200)
            for (grid, placement) in zip(grids, placements) {
                let point = locations[grids.firstIndex(of: grid)!].point!
                #expect(fixture.places.locate(lon: point.longitude, lat: point.latitude) == grid.code)
                #expect(try placement.get().grid == grid.code)
                #expect(try placement.get().areaClass == grid.areaClass)
                #expect(try placement.get().district?.digits == String(grid.code.digits.prefix(6)))
            }
        }
    }

    @Test func pointsOnSharedBordersGoWhereTheDomainLocatorPutsThem() async throws {
        try await IntakeFixture.with { fixture in
            // Vertices and edge midpoints of a few grids: each lies on the border of two or more grids.
            var points: [CaseLocation.Point] = []
            for grid in fixture.places.grids.prefix(40) {
                let ring = grid.geometry.polygons[0].exterior.positions
                for (a, b) in zip(ring, ring.dropFirst() + [ring[0]]) {
                    points.append(try CaseLocation.Point(longitude: a.longitude, latitude: a.latitude))
                    points.append(try CaseLocation.Point(longitude: (a.longitude + b.longitude) / 2, latitude: (a.latitude + b.latitude) / 2))
                }
            }
            let covering = try await fixture.database.client.withConnection { connection in
                try await GridStore().coveringGrids(of: points, on: connection, logger: fixture.database.logger)
            }
            #expect(covering.filter { $0.count >= 2 }.count > 100)  // really on borders
            for (point, candidates) in zip(points, covering) {
                let expected = fixture.places.locate(lon: point.longitude, lat: point.latitude)
                let chosen = fixture.desk.locator.chooseGrid(among: candidates, at: point)
                if let expected, candidates.contains(expected.digits) {
                    #expect(chosen == expected)
                } else {
                    #expect(chosen?.digits == candidates.first)  // the city's outer edge: lowest code
                }
            }
        }
    }

    @Test func placeCodesAndPointsOutsideTheCityAreJudged() async throws {
        try await IntakeFixture.with { fixture in
            let locations = [
                try CaseLocation(point: CaseLocation.Point(longitude: 121.47, latitude: 31.23)),  // Shanghai
                try CaseLocation(place: PlaceCode("339901001001")),  // a community
                try CaseLocation(place: PlaceCode("339901001001001")),  // a grid, no point
                try CaseLocation(place: PlaceCode("339999001001001")),  // no such grid
                try CaseLocation(place: PlaceCode("339900")),  // the city itself
            ]
            let results = try await fixture.database.client.withConnection { connection in
                try await fixture.desk.locator.place(locations, on: connection, logger: fixture.database.logger)
            }
            guard case .failure(let outside) = results[0] else { Issue.record("expected a failure"); return }
            #expect(outside.code == .outsideCity)
            #expect(outside.message.contains("121.47,31.23"))
            let community = try results[1].get()
            #expect(community.grid == nil)
            #expect(community.community?.digits == "339901001001")
            #expect(community.district?.digits == "339901")
            let grid = try results[2].get()
            #expect(grid.grid?.digits == "339901001001001")
            #expect(grid.areaClass == AreaClass("general"))
            guard case .failure(let unknown) = results[3] else { Issue.record("expected a failure"); return }
            #expect(unknown.code == .unknownPlace)
            #expect(try results[4].get() == .unknown)
        }
    }

    @Test func gridsAreLoadedOnceUntilTheCityChanges() async throws {
        try await IntakeFixture.with { fixture in
            let loader = GridLoader(batchSize: 1_000, logger: fixture.database.logger)
            let again = try await loader.load(
                fixture.places, fingerprintSource: fixture.city.gridFingerprintSource, client: fixture.database.client)
            #expect(!again.loaded)
            #expect(again.gridCount == 1_200)
            let changed = try await loader.load(
                fixture.places, fingerprintSource: fixture.city.gridFingerprintSource + Array("edited".utf8),
                client: fixture.database.client)
            #expect(changed.loaded)
            #expect(changed.fingerprint != again.fingerprint)
            let rows = try await fixture.database.client.query("SELECT count(*), count(DISTINCT district) FROM grids", logger: fixture.database.logger)
            for try await (count, districts) in rows.decode((Int, Int).self) {
                #expect(count == 1_200)
                #expect(districts == 3)
            }
        }
    }
}
