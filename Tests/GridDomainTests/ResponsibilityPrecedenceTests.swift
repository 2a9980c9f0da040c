#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Testing
import GridDomain

@Suite struct ResponsibilityPrecedenceTests {
    typealias T = TinyCity
    let monday10 = T.local(2025, 6, 2, 10)
    let monday23 = T.local(2025, 6, 2, 23)

    func lead(_ resolver: ResponsibilityResolver, _ category: String, _ grid: String, at instant: Date? = nil, attributes: [String: String] = [:]) -> String? {
        let query = ResponsibilityQuery(category: T.category(category), grid: T.grid(grid), attributes: attributes)
        return resolver.resolve(query, at: instant ?? monday10).decision.assignment?.lead.rawValue
    }

    func rule(_ resolver: ResponsibilityResolver, _ category: String, _ grid: String, at instant: Date? = nil) -> String? {
        let query = ResponsibilityQuery(category: T.category(category), grid: T.grid(grid))
        return resolver.resolve(query, at: instant ?? monday10).decision.assignment?.ruleID
    }

    @Test func aMinorClassBeatsItsMajorClassWhichBeatsAllCategories() throws {
        let (_, resolver) = try T.list([
            T.rule("ALL", "*", "*", lead: "C-WATER", tier: "city"),
            T.rule("MAJOR", "E01", "*", lead: "@district:城管执法", tier: "district"),
            T.rule("MINOR", "E0102", "*", lead: "@street:环卫"),
        ])
        #expect(rule(resolver, "E0102", "339901001001001") == "MINOR")
        #expect(lead(resolver, "E0102", "339901001001001") == "S1-SAN")
        #expect(lead(resolver, "E0102", "339902001001001") == "S3-SAN")  // the street's own unit
        #expect(rule(resolver, "E0104", "339901001001001") == "MAJOR")
        #expect(lead(resolver, "E0104", "339902001001002") == "D2-ENF")
        #expect(rule(resolver, "C0101", "339901001001001") == "ALL")
        #expect(rule(resolver, "E01", "339901001001001") == "MAJOR")  // a case classified only to its 大类
    }

    @Test func theFinerPlaceWinsAmongEquallySpecificCategories() throws {
        let (_, resolver) = try T.list([
            T.rule("CITY", "E0102", "*", lead: "@street:环卫"),
            T.rule("DISTRICT", "E0102", "339901", lead: "D1-SAN", tier: "district"),
            T.rule("COMMUNITY", "E0102", "339901001001", lead: "@community:社区", tier: "community"),
            T.rule("GRID", "E0102", "339901001001002|339901002001001", lead: "D1-ENF", tier: "district"),
        ])
        #expect(rule(resolver, "E0102", "339901001001001") == "COMMUNITY")
        #expect(lead(resolver, "E0102", "339901001001001") == "M1")
        #expect(rule(resolver, "E0102", "339901001001002") == "GRID")
        #expect(rule(resolver, "E0102", "339901002001001") == "GRID")
        #expect(rule(resolver, "E0102", "339901002001002") == "DISTRICT")
        #expect(rule(resolver, "E0102", "339902001001001") == "CITY")
    }

    @Test func categoryRanksBeforePlace() throws {
        let (_, resolver) = try T.list([
            T.rule("MINOR-CITY", "E0102", "*", lead: "@street:环卫"),
            T.rule("MAJOR-GRID", "E01", "339901001001001", lead: "D1-ENF", tier: "district"),
        ])
        #expect(rule(resolver, "E0102", "339901001001001") == "MINOR-CITY")
        #expect(rule(resolver, "E0104", "339901001001001") == "MAJOR-GRID")
    }

    @Test func moreConditionsWinAtEqualCategoryAndPlace() throws {
        let (_, resolver) = try T.list([
            T.rule("DAY", "E0102", "339901", lead: "D1-SAN", tier: "district"),
            T.rule("NIGHT", "E0102", "339901", lead: "D1-ENF", tier: "district", window: "22:00-06:00"),
            T.rule("ARTERIAL", "E0102", "339901", lead: "C-WATER", tier: "city", window: "Mon-Fri 08:00-18:00", attributes: "road_class=主干道"),
        ])
        #expect(rule(resolver, "E0102", "339901001001001") == "DAY")
        #expect(rule(resolver, "E0102", "339901001001001", at: monday23) == "NIGHT")
        #expect(lead(resolver, "E0102", "339901001001001", attributes: ["road_class": "主干道"]) == "C-WATER")
        #expect(lead(resolver, "E0102", "339901001001001", attributes: ["road_class": "支路"]) == "D1-SAN")
    }

    @Test func priorityDecidesAmongEquallySpecificRules() throws {
        let (_, resolver) = try T.list([
            T.rule("LOW", "E0102", "339901", lead: "D1-SAN", tier: "district"),
            T.rule("HIGH", "E0102", "339901", lead: "D1-ENF", tier: "district", priority: "5"),
            T.rule("NEGATIVE", "E0102", "339901", lead: "C-WATER", tier: "city", priority: "-1"),
        ])
        #expect(rule(resolver, "E0102", "339901001001001") == "HIGH")
    }

    @Test func equallyRankedRulesWithTheSameOutcomeAreNoConflict() throws {
        let (_, resolver) = try T.list([
            T.rule("FIRST", "E0102", "339901", lead: "@street:环卫", coUnits: "D1-ENF"),
            T.rule("SECOND", "E0102", "339901", lead: "S1-SAN", coUnits: "D1-ENF"),
        ])
        // In street 339901001 both name S1-SAN with the same co-unit: the first rule decides.
        #expect(rule(resolver, "E0102", "339901001001001") == "FIRST")
        // In street 339901002 they disagree (S2-SAN against S1-SAN): no guess.
        let query = ResponsibilityQuery(category: T.category("E0102"), grid: T.grid("339901002001001"))
        let decision = resolver.resolve(query, at: monday10).decision
        guard case .conflict(let tie) = decision else {
            Issue.record("expected a conflict, got \(decision)")
            return
        }
        #expect(tie.ruleIDs == ["FIRST", "SECOND"])
        #expect(tie.leads == [UnitID("S2-SAN"), UnitID("S1-SAN")])
        #expect(tie.listVersion == "test")
    }

    @Test func nothingMatchingIsATypedResultNotAGuess() throws {
        let (_, resolver) = try T.list([T.rule("R1", "E0102", "339901", lead: "D1-SAN", tier: "district")])
        func reason(_ category: String, _ grid: String) -> NoResponsibleUnit.Reason? {
            let query = ResponsibilityQuery(category: T.category(category), grid: T.grid(grid))
            if case .noResponsibleUnit(let none) = resolver.resolve(query, at: monday10).decision { return none.reason }
            return nil
        }
        #expect(reason("E0102", "339902001001001") == .noMatchingRule)
        #expect(reason("E0104", "339901001001001") == .noMatchingRule)
        #expect(reason("E0102", "339901001001009") == .unknownGrid)
        #expect(reason("E0199", "339901001001001") == .unknownCategory)
        let community = ResponsibilityQuery(category: T.category("E0102"), grid: try PlaceCode("339901001001"))
        if case .noResponsibleUnit(let none) = resolver.resolve(community, at: monday10).decision {
            #expect(none.reason == .unknownGrid)
        } else {
            Issue.record("a community code is not a grid")
        }
    }

    @Test func assignmentsCarryTierCoUnitsEscalationAndVersion() throws {
        let (_, resolver) = try T.list([
            T.rule("R1", "E0102", "*", lead: "@community:社区", tier: "grid", coUnits: "@street:环卫|@street:环卫|@community:社区",
                   escalation: "@street:环卫 > @district:环卫 > C-WATER"),
        ], version: "2025.2")
        let query = ResponsibilityQuery(category: T.category("E0102"), grid: T.grid("339901001002002"))
        let assignment = try #require(resolver.resolve(query, at: monday10).decision.assignment)
        #expect(assignment.lead == UnitID("M2"))
        #expect(assignment.tier == .grid)
        #expect(assignment.coUnits == [UnitID("S1-SAN")])  // duplicates and the lead are dropped
        #expect(assignment.escalation == [UnitID("S1-SAN"), UnitID("D1-SAN"), UnitID("C-WATER")])
        #expect(assignment.listVersion == "2025.2")
        // District 339902 has no 环卫 unit: that step of the chain is left out.
        let south = ResponsibilityQuery(category: T.category("E0102"), grid: T.grid("339902001001001"))
        #expect(resolver.resolve(south, at: monday10).decision.assignment?.escalation == [UnitID("S3-SAN"), UnitID("C-WATER")])
    }
}
