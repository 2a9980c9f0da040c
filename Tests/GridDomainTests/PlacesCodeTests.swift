import Testing
import GridDomain

@Suite struct PlacesCodeTests {
    @Test func gridCodesHaveFifteenDigitsAndEncodeTheirAncestors() throws {
        let grid = try PlaceCode("339901001002003")
        #expect(grid.level == .grid)
        #expect(grid.ancestor(at: .community)?.digits == "339901001002")
        #expect(grid.ancestor(at: .street)?.digits == "339901001")
        #expect(grid.ancestor(at: .district) == (try PlaceCode("339901", level: .district)))
        #expect(grid.ancestor(at: .grid) == grid)
        #expect(grid.ancestor(at: .city) == nil)  // not encoded: ask the hierarchy
        let street = try PlaceCode("339901001")
        #expect(street.ancestor(at: .community) == nil)
    }

    @Test(arguments: [
        ("33990100100200", "expected 6"),  // 14 digits
        ("3399010010020031", "expected 6"),  // 16 digits
        ("33990100100200A", "only decimal digits"),
        ("", "only decimal digits"),
        ("330000", "not a city or district"),  // a province
        ("003301", "not a city or district"),
    ])
    func malformedPlaceCodesAreRejected(text: String, reason: String) {
        #expect {
            _ = try PlaceCode(text)
        } throws: { error in
            (error as? DomainCodeError)?.reason.contains(reason) == true
        }
    }

    @Test func aCodeMustHaveTheLengthOfItsLevel() {
        #expect(throws: DomainCodeError.self) { try PlaceCode("339901001", level: .community) }
        #expect(throws: DomainCodeError.self) { try PlaceCode("339901001001", level: .grid) }
        #expect((try? PlaceCode("339900", level: .city))?.level == .city)
    }

    @Test func sixDigitCodesAreResolvedAgainstTheCity() throws {
        let places = try TinyCity.places()
        #expect(try places.code(parsing: "339900") == places.city.code)
        #expect(try places.code(parsing: "339900")?.level == .city)
        #expect(try places.code(parsing: "339901")?.level == .district)
        #expect(try places.code(parsing: "339909") == nil)  // well-formed, but not in this city
        #expect(throws: DomainCodeError.self) { try places.code(parsing: "33990") }
    }

    @Test(arguments: ["C0101", "E01", "G0905"])
    func categoryCodesRoundTrip(text: String) throws {
        #expect(try CategoryCode(text).description == text)
    }

    @Test(arguments: ["X0101", "C1", "C010", "C01011", "E0A", "c0101"])
    func malformedCategoryCodesAreRejected(text: String) {
        #expect(throws: DomainCodeError.self) { try CategoryCode(text) }
    }

    @Test func levelsParseFromEnglishAndChinese() {
        #expect(GovernanceLevel(parsing: "street") == .street)
        #expect(GovernanceLevel(parsing: "乡镇") == .street)
        #expect(GovernanceLevel(parsing: "村") == .community)
        #expect(GovernanceLevel(parsing: "区/县") == .district)
        #expect(GovernanceLevel(parsing: "市") == .city)
        #expect(GovernanceLevel(parsing: "province") == nil)
        #expect(GovernanceLevel.grid.parentLevel == .community)
        #expect(GovernanceLevel.city.parentLevel == nil)
    }
}
