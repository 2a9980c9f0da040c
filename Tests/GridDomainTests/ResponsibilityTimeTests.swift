#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Testing
import GridDomain
import TestSupport

@Suite struct ResponsibilityTimeTests {
    typealias T = TinyCity

    func ruleID(_ resolver: ResponsibilityResolver, at instant: Date) -> String? {
        let query = ResponsibilityQuery(category: T.category("E0102"), grid: T.grid("339901001001001"))
        return resolver.resolve(query, at: instant).decision.assignment?.ruleID
    }

    @Test func windowsUseLocalTimeInShanghai() throws {
        let (_, resolver) = try T.list([
            T.rule("DAY", "E0102", "*", lead: "@street:环卫"),
            T.rule("FRIDAY-NIGHT", "E0102", "*", lead: "D1-ENF", tier: "district", window: "Fri 22:00-06:00"),
        ])
        // 2025-06-06 is a Friday. 14:00 UTC is 22:00 in Shanghai.
        let fridayLateUTC = Date(timeIntervalSince1970: 1_749_218_400)  // 2025-06-06T14:00:00Z
        #expect(ruleID(resolver, at: fridayLateUTC) == "FRIDAY-NIGHT")
        #expect(ruleID(resolver, at: fridayLateUTC.addingTimeInterval(-60)) == "DAY")
        #expect(ruleID(resolver, at: T.local(2025, 6, 7, 5, 59)) == "FRIDAY-NIGHT")  // Saturday early morning
        #expect(ruleID(resolver, at: T.local(2025, 6, 7, 6, 0)) == "DAY")
        #expect(ruleID(resolver, at: T.local(2025, 6, 7, 23, 0)) == "DAY")  // Saturday night is not Friday's
        // A resolver configured for another offset reads the same instant differently.
        let utc = try ResponsibilityResolver(
            list: resolver.list, catalog: T.catalog(), places: T.places(), units: T.units(T.places()),
            configuration: .init(utcOffsetSeconds: 0))
        #expect(ruleID(utc, at: fridayLateUTC) == "DAY")
        #expect(ruleID(utc, at: fridayLateUTC.addingTimeInterval(8 * 3600)) == "FRIDAY-NIGHT")
    }

    @Test func effectiveDatesAreLocalDaysWithInclusiveEnds() throws {
        let (_, resolver) = try T.list([
            T.rule("OLD", "E0102", "*", lead: "@street:环卫", to: "2025-12-31"),
            T.rule("NEW", "E0102", "*", lead: "D1-SAN", tier: "district", from: "2026-01-01"),
        ])
        #expect(ruleID(resolver, at: T.local(2025, 12, 31, 23, 59)) == "OLD")
        // 2026-01-01 00:00 in Shanghai is still 2025-12-31 in UTC: local time decides.
        #expect(ruleID(resolver, at: T.local(2026, 1, 1, 0, 0)) == "NEW")
        #expect(ruleID(resolver, at: T.local(2024, 1, 1, 12)) == "OLD")
    }

    @Test func aRuleOutsideItsDatesLetsTheNextOneDecide() throws {
        let (_, resolver) = try T.list([
            T.rule("BASE", "E01", "*", lead: "D1-ENF", tier: "district"),
            T.rule("CAMPAIGN", "E0102", "339901", lead: "D1-SAN", tier: "district", from: "2025-04-01", to: "2025-09-30"),
        ])
        #expect(ruleID(resolver, at: T.local(2025, 3, 31, 12)) == "BASE")
        #expect(ruleID(resolver, at: T.local(2025, 4, 1, 0)) == "CAMPAIGN")
        #expect(ruleID(resolver, at: T.local(2025, 9, 30, 23, 59)) == "CAMPAIGN")
        #expect(ruleID(resolver, at: T.local(2025, 10, 1, 0)) == "BASE")
    }

    @Test func theSampleCitysNightRuleTakesStreetOrderAtNight() throws {
        let resolver = try SampleCity.reference().resolver()
        let places = try SampleCity.reference().places
        // A grid outside the scenic and station areas in district 339903.
        let grid = try #require(places.grids(within: try PlaceCode("339903")).last)
        let query = ResponsibilityQuery(category: T.category("E0508"), grid: grid)
        let day = try #require(resolver.resolve(query, at: T.local(2025, 6, 2, 10)).decision.assignment)
        let night = try #require(resolver.resolve(query, at: T.local(2025, 6, 2, 22)).decision.assignment)
        #expect(day.tier == .street)
        #expect(day.lead.rawValue.hasPrefix("S339903"))
        #expect(night.tier == .district)
        #expect(night.lead == UnitID("D339903-ENFORCE"))
    }
}
