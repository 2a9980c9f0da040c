import Testing
import GridDomain
import TestSupport

@Suite struct ResponsibilityExclusionTests {
    typealias T = TinyCity
    let now = T.local(2025, 6, 2, 10)
    let query = ResponsibilityQuery(category: T.category("E0102"), grid: T.grid("339901001001001"))

    func resolver() throws -> ResponsibilityResolver {
        try T.list([
            T.rule("ALL", "*", "*", lead: "C-WATER", tier: "city"),
            T.rule("MAJOR", "E01", "*", lead: "@district:城管执法", tier: "district"),
            T.rule("MINOR", "E0102", "*", lead: "@street:环卫", coUnits: "D1-SAN|S1-ENF"),
        ]).1
    }

    @Test func anExcludedLeadPassesTheCaseToTheNextRule() throws {
        let resolver = try resolver()
        #expect(resolver.resolve(query, at: now).decision.assignment?.lead == UnitID("S1-SAN"))
        #expect(resolver.resolve(query, at: now, excluding: [UnitID("S1-SAN")]).decision.assignment?.ruleID == "MAJOR")
        #expect(resolver.resolve(query, at: now, excluding: [UnitID("S1-SAN"), UnitID("D1-ENF")]).decision.assignment?.lead == UnitID("C-WATER"))
    }

    @Test func excludingEveryCandidateIsATypedResult() throws {
        let decision = try resolver().resolve(query, at: now, excluding: [UnitID("S1-SAN"), UnitID("D1-ENF"), UnitID("C-WATER")]).decision
        guard case .noResponsibleUnit(let none) = decision else {
            Issue.record("expected no responsible unit, got \(decision)")
            return
        }
        #expect(none.reason == .allMatchingUnitsExcluded)
    }

    @Test func excludedCoUnitsAreDroppedAndUnknownIdsIgnored() throws {
        let resolver = try resolver()
        let all = try #require(resolver.resolve(query, at: now).decision.assignment)
        #expect(all.coUnits == [UnitID("D1-SAN"), UnitID("S1-ENF")])
        let fewer = try #require(resolver.resolve(query, at: now, excluding: [UnitID("S1-ENF"), UnitID("NO-SUCH-UNIT")]).decision.assignment)
        #expect(fewer.lead == UnitID("S1-SAN"))
        #expect(fewer.coUnits == [UnitID("D1-SAN")])
    }

    @Test func reDispatchInTheSampleCitySkipsTheUnitThatReturnedTheCase() throws {
        let resolver = try SampleCity.reference().resolver()
        let places = try SampleCity.reference().places
        for grid in places.grids.prefix(40) {
            let query = ResponsibilityQuery(category: T.category("E0101"), grid: grid.code)
            let first = try #require(resolver.resolve(query, at: now).decision.assignment)
            let second = resolver.resolve(query, at: now, excluding: [first.lead]).decision
            #expect(second.assignment?.lead != first.lead)
            #expect(second.assignment != nil, "the 大类 rule E01 takes over")
        }
    }
}
