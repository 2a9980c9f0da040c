#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Testing
import PropertyBased
import GridDomain
import TestSupport

@Suite struct ResponsibilityExplanationTests {
    typealias T = TinyCity
    let monday10 = T.local(2025, 6, 2, 10)

    func resolver() throws -> ResponsibilityResolver {
        try T.list([
            T.rule("ALL", "*", "*", lead: "C-WATER", tier: "city"),
            T.rule("MAJOR", "E01", "*", lead: "D1-ENF", tier: "district"),
            T.rule("MINOR", "E0102", "*", lead: "@street:环卫"),
            T.rule("NIGHT", "E0102", "339901", lead: "D1-ENF", tier: "district", window: "22:00-06:00"),
            T.rule("FUTURE", "E0102", "339901001", lead: "S1-ENF", from: "2030-01-01"),
            T.rule("ARTERIAL", "E0102", "339901001", lead: "S1-ENF", attributes: "road_class=主干道"),
            T.rule("PAST", "E0102", "339901001001", lead: "M1", tier: "community", to: "2024-12-31"),
            T.rule("SOUTH", "E0102", "339902", lead: "D2-ENF", tier: "district"),
            T.rule("OTHER", "E0104", "*", lead: "@street:环卫"),
            T.rule("LOWER", "E0102", "*", lead: "D1-SAN", tier: "district", priority: "-1"),
        ]).1
    }

    @Test func everyCoveringRuleGetsAVerdictInPrecedenceOrder() throws {
        let query = ResponsibilityQuery(category: T.category("E0102"), grid: T.grid("339901001001001"))
        let resolution = try resolver().resolve(query, at: monday10)
        let explanation = resolution.explanation
        #expect(explanation.decision == resolution.decision)
        #expect(explanation.winner?.ruleID == "MINOR")
        let verdicts = explanation.candidates.map { "\($0.ruleID): \($0.verdict)" }
        #expect(verdicts == [
            "PAST: did not match: expired after 2024-12-31",
            "ARTERIAL: did not match: needs road_class=主干道, the case has no road_class",  // more conditions: first
            "FUTURE: did not match: effective from 2030-01-01",
            "NIGHT: did not match: outside its window 22:00-06:00",
            "MINOR: won",
            "LOWER: lost: its priority is lower than MINOR's",
            "MAJOR: lost: its category is less specific than MINOR's",
            "ALL: lost: its category is less specific than MINOR's",
        ])
        #expect(explanation.unrelatedRuleCount == 2)  // SOUTH and OTHER
        #expect(explanation.evaluation(of: "NIGHT")?.verdict.matched == false)
        #expect(explanation.evaluation(of: "MAJOR")?.verdict.matched == true)
        #expect(explanation.localTime == "2025-06-02 Mon 10:00 (UTC+08:00)")
        let text = explanation.description
        #expect(text.contains("case E0102 in grid 339901001001001 at 2025-06-02 Mon 10:00 (UTC+08:00)"))
        #expect(text.contains("decision: assigned: S1-SAN at the street tier by rule MINOR (list test)"))
        #expect(text.contains("MINOR (line 4) [小类/city/+0, priority 0] lead @street:环卫: won"))
    }

    @Test func placeConditionsAndExclusionsAreExplained() throws {
        let resolver = try resolver()
        let night = ResponsibilityQuery(category: T.category("E0102"), grid: T.grid("339901001001001"), attributes: ["road_class": "主干道"])
        let explanation = resolver.resolve(night, at: T.local(2025, 6, 2, 23), excluding: [UnitID("S1-ENF")]).explanation
        #expect(explanation.winner?.ruleID == "NIGHT")
        #expect(explanation.evaluation(of: "ARTERIAL")?.verdict == .leadExcluded(UnitID("S1-ENF")))
        #expect(explanation.evaluation(of: "MINOR")?.verdict == .lessSpecificPlace(than: "NIGHT"))
        let text = explanation.description
        #expect(text.contains("with road_class=主干道"))
        #expect(text.contains("ARTERIAL (line 7) [小类/street/+1, priority 0] lead S1-ENF: skipped: its lead S1-ENF is excluded"))
    }

    @Test func conditionsAndTiesAreExplained() throws {
        let (_, resolver) = try T.list([
            T.rule("DAY", "E0102", "339901", lead: "D1-SAN", tier: "district"),
            T.rule("NIGHT", "E0102", "339901", lead: "D1-ENF", tier: "district", window: "22:00-06:00"),
            T.rule("TWIN", "E0102", "339901", lead: "D1-ENF", tier: "district", window: "22:00-06:00"),
            T.rule("UNRESOLVED", "E0102", "*", lead: "@district:环卫", tier: "district"),
        ])
        let query = ResponsibilityQuery(category: T.category("E0102"), grid: T.grid("339901002001001"))
        let explanation = resolver.resolve(query, at: T.local(2025, 6, 2, 23)).explanation
        #expect(explanation.evaluation(of: "NIGHT")?.verdict == .won)
        #expect(explanation.evaluation(of: "TWIN")?.verdict == .tiedWithWinner("NIGHT"))
        #expect(explanation.evaluation(of: "DAY")?.verdict == .fewerConditions(than: "NIGHT"))
        // District 339902 has no 环卫 unit.
        let south = ResponsibilityQuery(category: T.category("E0102"), grid: T.grid("339902001001001"))
        let none = resolver.resolve(south, at: T.local(2025, 6, 2, 23))
        #expect(none.explanation.evaluation(of: "UNRESOLVED")?.verdict == .leadUnresolved(.local(level: .district, kind: UnitKind("环卫"))))
        if case .noResponsibleUnit(let reason) = none.decision { #expect(reason.reason == .noMatchingRule) } else {
            Issue.record("expected no responsible unit")
        }
    }

    @Test func aConflictNamesTheTiedRules() throws {
        let (_, resolver) = try T.list([
            T.rule("A", "E0102", "339901", lead: "D1-SAN", tier: "district"),
            T.rule("B", "E0102", "339901", lead: "D1-ENF", tier: "district"),
            T.rule("C", "E01", "*", lead: "C-WATER", tier: "city"),
        ])
        let query = ResponsibilityQuery(category: T.category("E0102"), grid: T.grid("339901002001001"))
        let explanation = resolver.resolve(query, at: monday10).explanation
        #expect(explanation.evaluation(of: "A")?.verdict == .tiedInConflict)
        #expect(explanation.evaluation(of: "B")?.verdict == .tiedInConflict)
        #expect(explanation.evaluation(of: "C")?.verdict == .lessSpecificCategory(than: "A"))
        #expect(explanation.winner == nil)
    }

    /// The explanation never contradicts the decision, on the sample city at any time.
    @Test func explanationsAgreeWithDecisions() async throws {
        let data = try SampleCity.reference()
        let resolver = try data.resolver()
        let categories = data.catalog.minorClasses
        let grids = data.places.grids.map(\.code)
        let input = zip(
            Gen.int(in: 0...(categories.count - 1)), Gen.int(in: 0...(grids.count - 1)),
            Gen.int(in: 0...(3 * 365 * 24 * 60)), Gen.bool)
        let start = T.local(2025, 1, 1, 0)
        await propertyCheck(count: 400, input: input) { category, grid, minutes, arterial in
            let query = ResponsibilityQuery(
                category: categories[category], grid: grids[grid], attributes: arterial ? ["road_class": "快速路"] : [:])
            let resolution = resolver.resolve(query, at: start.addingTimeInterval(Double(minutes) * 60))
            let explanation = resolution.explanation
            #expect(explanation.decision == resolution.decision)
            #expect(explanation.winner?.ruleID == resolution.decision.assignment?.ruleID)
            if resolution.decision.assignment != nil {
                #expect(explanation.candidates.filter { $0.verdict == .won }.count == 1)
            }
            // Rules before the winner in precedence order never matched with a usable lead.
            for evaluation in explanation.candidates.prefix(while: { $0.verdict != .won }) {
                switch evaluation.verdict {
                case .lessSpecificCategory, .lessSpecificPlace, .fewerConditions, .lowerPriority, .tiedWithWinner:
                    Issue.record("\(evaluation) comes before the winner")
                default: break
                }
            }
        }
    }
}
