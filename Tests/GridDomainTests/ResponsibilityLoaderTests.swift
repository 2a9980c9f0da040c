import Testing
import GridDomain
import TestSupport

@Suite struct ResponsibilityLoaderTests {
    typealias T = TinyCity

    /// The error loading a list whose second rule (line 3) is `row`, or `nil`.
    func error(_ row: String) throws -> DataFileError? {
        do {
            _ = try T.list([T.rule("R1", "*", "*", lead: "C-WATER", tier: "city"), row])
            return nil
        } catch let error as DataFileError {
            return error
        }
    }

    @Test(arguments: [
        (T.rule("R2", "E0102", "*", lead: "NOPE"), "rule R2: unknown unit NOPE"),
        (T.rule("R2", "E0102", "*", lead: "@street:园林"), "unknown unit @street:园林: no 园林 unit exists at street level"),
        (T.rule("R2", "E0102", "*", lead: "C-WATER", tier: "city", coUnits: "C-WATER|GHOST"), "unknown unit GHOST"),
        (T.rule("R2", "E0999", "*", lead: "C-WATER", tier: "city"), "unknown category E0999"),
        (T.rule("R2", "E010", "*", lead: "C-WATER", tier: "city"), "invalid category code 'E010'"),
        (T.rule("R2", "E0102", "339901009", lead: "C-WATER", tier: "city"), "unknown place 339901009"),
        (T.rule("R2", "E0102", "33990100", lead: "C-WATER", tier: "city"), "invalid grid code '33990100'"),
        (T.rule("R2", "E0102", "339901|339901001", lead: "C-WATER", tier: "city"), "places must all be at one level"),
        (T.rule("R2", "E0102", "339901|339901", lead: "C-WATER", tier: "city"), "place 339901 is listed twice"),
        (T.rule("R2", "E0102", "*", lead: "C-WATER", tier: "city", window: "25:00-06:00"), "'25:00-06:00' is not a time range"),
        (T.rule("R2", "E0102", "*", lead: "C-WATER", tier: "city", window: "Funday"), "'Funday' is not a day"),
        (T.rule("R2", "E0102", "*", lead: "C-WATER", tier: "city", attributes: "road_class"), "should be key=value"),
        (T.rule("R2", "E0102", "*", lead: "C-WATER", tier: "city", from: "2025-02-30"), "'2025-02-30' is not a date"),
        (T.rule("R2", "E0102", "*", lead: "C-WATER", tier: "city", from: "2025-02-01", to: "2025-01-01"), "valid_to 2025-01-01 is before valid_from 2025-02-01"),
        (T.rule("R1", "E0102", "*", lead: "C-WATER", tier: "city"), "rule id R1 appears twice (first on line 2)"),
        (T.rule("R2", "E0102", "*", lead: "C-WATER", tier: "province"), "unknown tier 'province'"),
        (T.rule("R2", "E0102", "*", lead: "@street:环卫", tier: "district"), "cannot handle a case at the district tier"),
        (T.rule("R2", "E0102", "*", lead: "@street:环卫", escalation: "@district:城管执法 > @street:城管执法"), "must go upward"),
        (T.rule("R2", "E0102", "*", lead: "C-WATER", tier: "city", priority: "high"), "priority must be a whole number"),
        (T.rule("R2", "E0102", "*", lead: "@street环卫"), "should be @level:kind"),
        (T.rule("R2", "E0102", "*", lead: "@town:环卫"), "unknown level 'town'"),
    ])
    func badRowsAreReportedWithTheirLine(row: String, message: String) throws {
        let error = try #require(try error(row))
        #expect(error.file == "responsibility-list.csv")
        #expect(error.line == 3)
        #expect(error.message.contains(message), "\(error.message)")
    }

    @Test func aMissingColumnIsReportedOnTheHeader() throws {
        let places = try T.places(), catalog = try T.catalog(), units = try T.units(places)
        #expect {
            try ResponsibilityList(csv: "rule_id,category,place,tier\nR1,*,*,city", version: "v", catalog: catalog, places: places, units: units)
        } throws: { error in
            (error as? DataFileError)?.line == 1 && (error as? DataFileError)?.message.contains("missing column(s) lead") == true
        }
    }

    @Test func rowsAreReadIntoRules() throws {
        let (list, _) = try T.list([
            T.rule("R1", "*", "*", lead: "C-WATER", tier: "city"),
            T.rule("R2", "E01", "339900", lead: "@district:城管执法", tier: "district"),
            T.rule("R3", "E0102", "339901001001001|339901001001002", lead: "@community:社区", tier: "grid",
                   window: "Mon-Fri 18:00-08:00 | 周末", attributes: "road_class=主干道|次干道;channel=12345",
                   coUnits: "S1-SAN", escalation: "@street:环卫 > @district:城管执法", priority: "7", from: "2025-01-01", to: "2025-12-31"),
        ], version: "2025.1")
        #expect(list.version == "2025.1")
        #expect(list.rules.map(\.line) == [2, 3, 4])
        #expect(list.rules[1].places.isEmpty)  // the city's code means the whole city
        #expect(list.rules[1].specificity == RuleSpecificity(category: 1, place: 0, conditions: 0))
        let rule = list.rules[2]
        #expect(rule.category?.description == "E0102")
        #expect(rule.places.map(\.digits) == ["339901001001001", "339901001001002"])
        #expect(rule.placeLevel == .grid)
        #expect(rule.window?.text == "Mon-Fri 18:00-08:00 | 周末")
        #expect(rule.attributes == [AttributeCondition(key: "road_class", values: ["主干道", "次干道"]), AttributeCondition(key: "channel", values: ["12345"])])
        #expect(rule.lead == .local(level: .community, kind: UnitKind("社区")))
        #expect(rule.coUnits == [.unit(UnitID("S1-SAN"))])
        #expect(rule.tier == .grid)
        #expect(rule.escalation.map(\.description) == ["@street:环卫", "@district:城管执法"])
        #expect(rule.priority == 7)
        #expect(rule.validFrom?.description == "2025-01-01" && rule.validThrough?.description == "2025-12-31")
        #expect(rule.specificity == RuleSpecificity(category: 2, place: 4, conditions: 3))
        #expect(list.changeDates.map(\.description) == ["2025-01-01", "2026-01-01"])
    }

    @Test func listsBuiltInCodeAreCheckedByTheResolver() throws {
        let places = try T.places(), catalog = try T.catalog(), units = try T.units(places)
        let bad = ResponsibilityRule(id: "X", category: T.category("E0102"), lead: .unit(UnitID("GHOST")), tier: .city, line: 9)
        #expect {
            try ResponsibilityResolver(list: ResponsibilityList(version: "v", rules: [bad]), catalog: catalog, places: places, units: units)
        } throws: { error in
            (error as? ResponsibilityListError)?.description == "rule X (line 9): unknown unit GHOST"
        }
        let good = ResponsibilityRule(id: "X", category: nil, lead: .unit(UnitID("C-WATER")), tier: .city)
        #expect {
            try ResponsibilityResolver(list: ResponsibilityList(version: "v", rules: [good, good]), catalog: catalog, places: places, units: units)
        } throws: { error in
            (error as? ResponsibilityListError)?.message == "the rule id is used twice"
        }
    }

    @Test func theSampleListLoads() throws {
        let data = try SampleCity.reference()
        let rules = data.responsibilityList.rules
        #expect(rules.count >= 100)
        #expect(rules.contains { $0.tier == .grid })
        #expect(rules.contains { $0.tier == .community })
        #expect(rules.contains { $0.tier == .street })
        #expect(rules.contains { $0.tier == .district })
        #expect(rules.contains { $0.tier == .city })
        #expect(rules.contains { $0.window != nil })
        #expect(rules.contains { $0.placeLevel == .grid && $0.places.count > 1 })
        #expect(rules.contains { !$0.attributes.isEmpty })
        #expect(rules.contains { $0.validFrom != nil || $0.validThrough != nil })
    }
}
