import Testing
import GridDomain
import TestSupport

@Suite struct PlacesTilingTests {
    /// A city with one district, street and community (339901001001) holding the given features, plus
    /// any extra communities given in `communities`.
    func city(_ features: [String], communities: [String] = []) throws -> PlaceHierarchy {
        var places = """
            code,level,name,parent
            339900,city,临江市,
            339901,district,江滨区,
            339901001,street,望江街道,
            339901001001,community,东园社区,
            """
        for community in communities { places += "\n\(community),community,社区\(community.suffix(3)),\(community.prefix(9))" }
        return try PlaceHierarchy(areaClassesCSV: TinyCity.areaClassesCSV, placesCSV: places, gridsGeoJSON: TinyCity.collection(features))
    }

    func square(_ n: Int, x: Int, y: Int = 0, community: String = "339901001001") -> String {
        TinyCity.square(community + threeDigits(n), x: x, areaClass: "core", y: y)
    }

    func feature(_ n: Int, _ ring: [(Double, Double)], community: String = "339901001001") -> String {
        let coordinates = (ring + [ring[0]]).map { "[\(120 + $0.0 / 1000),\(30 + $0.1 / 1000)]" }.joined(separator: ",")
        return #"{"type":"Feature","properties":{"code":"\#(community)\#(threeDigits(n))","area_class":"core"},"geometry":{"type":"Polygon","coordinates":[[\#(coordinates)]]}}"#
    }

    @Test func theSampleCityTilesWithoutHolesOrOverlaps() throws {
        let places = try SampleCity.reference().places
        let report = places.checkTiling()
        #expect(report.gridCount == places.grids.count)
        #expect(report.isClean, "\(report.issues.prefix(5))")
    }

    @Test func aRowOfSquaresIsClean() throws {
        #expect(try city((1...4).map { square($0, x: $0) }).checkTiling().isClean)
    }

    @Test func tJunctionsAreFine() throws {
        // One tall grid beside two stacked ones: the tall grid's edge has no vertex where the others meet.
        let tall = feature(1, [(0, 0), (1, 0), (1, 2), (0, 2)])
        let low = feature(2, [(1, 0), (2, 0), (2, 1), (1, 1)])
        let high = feature(3, [(1, 1), (2, 1), (2, 2), (1, 2)])
        #expect(try city([tall, low, high]).checkTiling().isClean)
    }

    @Test func partlyOverlappingGridsAreReported() throws {
        let a = feature(1, [(0, 0), (2, 0), (2, 1), (0, 1)])
        let b = feature(2, [(1, 0), (3, 0), (3, 1), (1, 1)])
        let report = try city([a, b]).checkTiling()
        let overlap = try #require(report.issues.first { $0.kind == .overlap })
        #expect(overlap.places.map(\.digits) == ["339901001001001", "339901001001002"])
    }

    @Test func crossingGridsAreReported() throws {
        let a = feature(1, [(0, 0), (2, 0), (2, 1), (0, 1)])
        let b = feature(2, [(1, -1), (1.5, -1), (1.5, 2), (1, 2)])
        let report = try city([a, b]).checkTiling()
        #expect(report.issues.contains { $0.kind == .overlap })
    }

    @Test func aGridInsideAnotherIsReported() throws {
        let outer = feature(1, [(0, 0), (3, 0), (3, 3), (0, 3)])
        let inner = feature(2, [(1, 1), (2, 1), (2, 2), (1, 2)])
        let report = try city([outer, inner]).checkTiling()
        #expect(report.issues.map(\.kind) == [.overlap])
        // Also when the inner grid touches the outer one's border only at its corners.
        let diamond = feature(2, [(1.5, 0), (3, 1.5), (1.5, 3), (0, 1.5)])
        #expect(try city([outer, diamond]).checkTiling().issues.contains { $0.kind == .overlap })
    }

    @Test func aDuplicatedGridIsAnOverlap() throws {
        let report = try city([square(1, x: 0), square(2, x: 0)]).checkTiling()
        #expect(report.issues.filter { $0.kind == .overlap }.count == 1)
    }

    @Test func aHoleInsideTheCityIsAGap() throws {
        // A 3 × 3 block of squares without its centre.
        var features: [String] = []
        var n = 1
        for y in 0..<3 {
            for x in 0..<3 where !(x == 1 && y == 1) {
                features.append(square(n, x: x, y: y))
                n += 1
            }
        }
        let report = try city(features).checkTiling()
        let gap = try #require(report.issues.first { $0.kind == .gap })
        #expect(report.issues.filter { $0.kind == .gap }.count == 1)
        // The four squares sharing an edge with the hole border it (the corner squares touch a vertex).
        #expect(gap.places.map(\.digits) == ["339901001001002", "339901001001004", "339901001001005", "339901001001007"])
        #expect(Set(gap.ring.map(\.description)) == ["120.0010000,30.0010000", "120.0020000,30.0010000", "120.0020000,30.0020000", "120.0010000,30.0020000"])
        #expect(!report.issues.contains { $0.kind == .enclave })  // the gap is not reported twice
    }

    @Test func aCommunityInSeveralPiecesIsFragmented() throws {
        let other = "339901001002"
        let features = [square(1, x: 0), square(1, x: 1, community: other), square(2, x: 2)]
        let report = try city(features, communities: [other]).checkTiling()
        let fragmented = try #require(report.issues.first { $0.kind == .fragmented })
        #expect(fragmented.places.map(\.digits) == ["339901001001"])
        #expect(fragmented.pieces == 2)
    }

    @Test func aCommunitySurroundingAnotherHasAnEnclave() throws {
        let other = "339901001002"
        var features: [String] = []
        var n = 1
        for y in 0..<3 {
            for x in 0..<3 where !(x == 1 && y == 1) {
                features.append(square(n, x: x, y: y))
                n += 1
            }
        }
        features.append(square(1, x: 1, y: 1, community: other))
        let report = try city(features, communities: [other]).checkTiling()
        #expect(report.issues.map(\.kind) == [.enclave])
        #expect(report.issues[0].places.map(\.digits) == ["339901001001"])
    }

    @Test func placesWithoutGridsAreReported() throws {
        let report = try city([square(1, x: 0)], communities: ["339901001002"]).checkTiling()
        #expect(report.issues.map(\.kind) == [.emptyPlace])
        #expect(report.issues[0].places.map(\.digits) == ["339901001002"])
        #expect(report.issues[0].description == "339901001002 has no unit grids")
    }

    @Test func gridsTouchingAtACornerOnlyAreTwoPiecesNotAHole() throws {
        let report = try city([square(1, x: 0, y: 0), square(2, x: 1, y: 1)]).checkTiling()
        #expect(!report.issues.contains { $0.kind == .gap || $0.kind == .overlap })
        #expect(report.issues.contains { $0.kind == .fragmented && $0.pieces == 2 })
    }
}

/// A number as three digits, e.g. `007`.
func threeDigits(_ number: Int) -> String {
    let text = String(number)
    return String(repeating: "0", count: max(0, 3 - text.count)) + text
}
