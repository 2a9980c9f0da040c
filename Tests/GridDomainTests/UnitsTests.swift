import Testing
import GridDomain
import TestSupport

@Suite struct UnitsTests {
    func loadError(appending row: String) throws -> DataFileError? {
        let places = try TinyCity.places()
        do {
            _ = try UnitRegistry(csv: TinyCity.unitsCSV + "\n" + row, places: places)
            return nil
        } catch {
            return error
        }
    }

    @Test func unitsAreFoundByIdAndByKindAndPlace() throws {
        let places = try TinyCity.places()
        let units = try TinyCity.units(places)
        #expect(units.units.count == 12)
        let sanitation = try #require(units.unit(UnitID("S1-SAN")))
        #expect(sanitation.level == .street)
        #expect(sanitation.place.digits == "339901001")
        #expect(sanitation.kind == UnitKind("环卫"))
        #expect(units.unit(of: UnitKind("环卫"), serving: try PlaceCode("339901002"))?.id == UnitID("S2-SAN"))
        #expect(units.unit(of: UnitKind("环卫"), serving: try PlaceCode("339902")) == nil)
        #expect(units.unit(of: UnitKind("供水"), serving: places.city.code)?.level == .city)
        #expect(units.kinds(at: .district) == [UnitKind("城管执法"), UnitKind("环卫")])
    }

    @Test func theSampleCityHasUnitsAtEveryLevel() throws {
        let data = try SampleCity.reference()
        let units = data.units.units
        let upper = units.filter { [.city, .district, .street].contains($0.level) }
        #expect(upper.count >= 25)
        for level in [GovernanceLevel.city, .district, .street, .community] {
            #expect(units.contains { $0.level == level }, "\(level)")
        }
        let kinds = Set(units.map(\.kind.rawValue))
        for kind in ["环卫", "市政", "城管执法", "园林", "住建", "交通", "公安", "消防", "市场监管", "生态环境"] {
            #expect(kinds.contains(kind), "\(kind)")
        }
        // Every street has its own 环卫 and 城管执法 units.
        for street in data.places.places(at: .street) {
            #expect(data.units.unit(of: UnitKind("环卫"), serving: street) != nil)
            #expect(data.units.unit(of: UnitKind("城管执法"), serving: street) != nil)
        }
    }

    @Test func loaderErrorsCarryLineNumbers() throws {
        let duplicate = try #require(try loadError(appending: "S1-SAN,又一个环卫所,street,339901002,保洁"))
        #expect(duplicate.file == "units.csv")
        #expect(duplicate.line == 14)
        #expect(duplicate.message.contains("unit id S1-SAN appears twice (first on line 6)"))

        let place = try #require(try loadError(appending: "X1,某单位,street,339901009,环卫"))
        #expect(place.line == 14)
        #expect(place.message.contains("unknown place 339901009"))

        let mismatch = try #require(try loadError(appending: "X1,某单位,district,339901001,环卫"))
        #expect(mismatch.line == 14)
        #expect(mismatch.message.contains("a district-level unit must serve a district"))

        let level = try #require(try loadError(appending: "X1,某单位,province,339900,环卫"))
        #expect(level.message.contains("unknown level 'province'"))

        let twice = try #require(try loadError(appending: "X1,另一个环卫所,street,339901001,环卫"))
        #expect(twice.line == 14)
        #expect(twice.message.contains("S1-SAN (line 6) is already the 环卫 unit serving 339901001"))

        let id = try #require(try loadError(appending: "X 1,某单位,street,339901001,保洁"))
        #expect(id.message.contains("may not contain spaces"))

        #expect(try loadError(appending: "X1,市城管局,市,339900,城市管理") == nil)
    }

    @Test func aRegistryBuiltInCodeChecksItsUnits() throws {
        let places = try TinyCity.places()
        let street = try PlaceCode("339901001")
        let unit = DisposalUnit(id: UnitID("A"), name: "甲", level: .street, place: street, kind: UnitKind("环卫"))
        #expect(throws: UnitRegistryError.self) { try UnitRegistry([unit, unit], places: places) }
        let wrongLevel = DisposalUnit(id: UnitID("B"), name: "乙", level: .district, place: street, kind: UnitKind("环卫"))
        #expect(throws: UnitRegistryError.self) { try UnitRegistry([wrongLevel], places: places) }
        let unknown = DisposalUnit(id: UnitID("C"), name: "丙", level: .street, place: try PlaceCode("339901009"), kind: UnitKind("环卫"))
        #expect(throws: UnitRegistryError.self) { try UnitRegistry([unknown], places: places) }
    }
}
