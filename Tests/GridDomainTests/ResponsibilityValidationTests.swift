import Testing
import PropertyBased
import GridDomain
import TestSupport

@Suite struct ResponsibilityValidationTests {
    typealias T = TinyCity
    let start = EffectiveDate(year: 2025, month: 1, day: 1)!

    /// Rules that cover everything except 事件, so tests can focus on E01.
    let others = [
        T.rule("C", "C01", "*", lead: "C-WATER", tier: "city"),
        T.rule("G", "G01", "*", lead: "@community:社区", tier: "community"),
    ]

    func report(_ rows: [String]) throws -> ResponsibilityValidationReport {
        try T.list(others + rows).1.validate(from: start)
    }

    func gaps(_ report: ResponsibilityValidationReport) -> [String] {
        report.gaps.map { "\($0.category) \($0.place)" + ($0.uncoveredTimes.isFull ? "" : " \($0.uncoveredTimes)") }
    }

    @Test func aCatchAllRuleLeavesNoGaps() throws {
        let report = try T.list([T.rule("ALL", "*", "*", lead: "C-WATER", tier: "city")]).1.validate(from: start)
        #expect(report.isClean)
        #expect(report.description == "list test checked from 2025-01-01: clean")
    }

    @Test func aGapIsReportedAtTheCoarsestPlaceAndFoldedIntoItsMajorClass() throws {
        let report = try report([T.rule("E", "E01", "339901", lead: "D1-ENF", tier: "district")])
        #expect(gaps(report) == ["E01 339902"])
        #expect(report.gaps[0].period == EffectivePeriod(from: start, through: nil))
        #expect(report.gaps[0].description == "gap: E01 in 339902 (from 2025-01-01)")
        #expect(report.conflicts.isEmpty)
    }

    @Test func gapsAreExactDownToSingleGrids() throws {
        let report = try report([
            T.rule("E0104", "E0104", "*", lead: "@street:环卫"),
            T.rule("ONE", "E0102", "339901001001001", lead: "M1", tier: "grid"),
        ])
        // Coarse places first: a district, a street, a community and a single grid.
        #expect(gaps(report) == ["E0102 339902", "E0102 339901002", "E0102 339901001002", "E0102 339901001001002"])
    }

    @Test func aTimeWindowLeavesTheRestOfTheWeekUncovered() throws {
        let night = try RuleTimeWindow(parsing: "22:00-06:00")
        let report = try report([
            T.rule("E0104", "E0104", "*", lead: "@street:环卫"),
            T.rule("NIGHT", "E0102", "*", lead: "D1-ENF", tier: "district", window: "22:00-06:00"),
        ])
        #expect(report.gaps.count == 1)
        #expect(report.gaps[0].category.description == "E0102")
        #expect(report.gaps[0].place.level == .city)
        #expect(report.gaps[0].uncoveredTimes == night.minutes.complement)
        #expect(report.gaps[0].description.hasPrefix("gap: E0102 in 339900 at Mon 06:00–Mon 22:00, Tue 06:00–Tue 22:00"))
    }

    @Test func weekdayAndWeekendRulesTogetherCoverTheWeek() throws {
        let report = try report([
            T.rule("WEEKDAY", "E01", "*", lead: "@street:环卫", window: "Mon-Fri"),
            T.rule("WEEKEND", "E01", "*", lead: "D1-ENF", tier: "district", window: "Sat-Sun", priority: "1"),
        ])
        #expect(report.isClean, "\(report)")
    }

    @Test func attributeRulesAndUnresolvableLeadsDoNotCover() throws {
        let report = try report([
            T.rule("ARTERIAL", "E0104", "*", lead: "C-WATER", tier: "city", attributes: "road_class=主干道"),
            T.rule("E0102", "E0102", "*", lead: "@district:环卫", tier: "district"),
        ])
        #expect(gaps(report) == ["E0102 339902", "E0104 339900"])
        #expect(report.unresolvedReferences.count == 1)
        let unresolved = report.unresolvedReferences[0]
        #expect(unresolved.ruleID == "E0102" && unresolved.role == .lead)
        #expect(unresolved.places.map(\.digits) == ["339902"])
        #expect(unresolved.description == "unresolved: rule E0102 lead @district:环卫 names no unit in 339902 (from 2025-01-01)")
    }

    @Test func unresolvedCoUnitsAndEscalationsAreReported() throws {
        let report = try report([
            T.rule("E", "E01", "*", lead: "@street:环卫", coUnits: "@street:城管执法", escalation: "@district:环卫"),
        ])
        #expect(report.gaps.isEmpty)
        let found = report.unresolvedReferences.map { "\($0.role.rawValue) \($0.reference) \($0.places.map(\.digits))" }
        #expect(found == ["co_unit @street:城管执法 [\"339901002\", \"339902001\"]", "escalation @district:环卫 [\"339902\"]"])
    }

    @Test func equallySpecificRulesNamingDifferentUnitsConflict() throws {
        let report = try report([
            T.rule("E", "E01", "*", lead: "@street:环卫"),
            T.rule("A", "E0102", "339901", lead: "D1-ENF", tier: "district"),
            T.rule("B", "E0102", "339901", lead: "D1-SAN", tier: "district"),
        ])
        #expect(report.gaps.isEmpty)
        #expect(report.conflicts.count == 1)
        let conflict = report.conflicts[0]
        #expect(conflict.ruleIDs == ["A", "B"])
        #expect(conflict.category?.description == "E0102")
        #expect(conflict.places.map(\.digits) == ["339901"])
        #expect(conflict.times.isFull)
        #expect(conflict.description == "conflict: A vs B for E0102 in 339901 (from 2025-01-01)")
    }

    @Test func rulesThatCannotApplyTogetherOrAgreeDoNotConflict() throws {
        let report = try report([
            T.rule("E", "E01", "*", lead: "@street:环卫"),
            T.rule("SAME1", "E0102", "339901", lead: "D1-ENF", tier: "district"),
            T.rule("SAME2", "E0102", "339901", lead: "D1-ENF", tier: "district"),
            T.rule("WEEKDAY", "E0102", "339902", lead: "D2-ENF", tier: "district", window: "Mon-Fri"),
            T.rule("WEEKEND", "E0102", "339902", lead: "S3-SAN", window: "Sat-Sun"),
            T.rule("MAIN", "E0104", "339901", lead: "D1-ENF", tier: "district", attributes: "road_class=主干道"),
            T.rule("SIDE", "E0104", "339901", lead: "D1-SAN", tier: "district", attributes: "road_class=支路"),
            T.rule("LOW", "E0104", "339902", lead: "D2-ENF", tier: "district"),
            T.rule("HIGH", "E0104", "339902", lead: "S3-SAN", priority: "1"),
            T.rule("OLD", "E0104", "339901001", lead: "S1-SAN", to: "2025-06-30"),
            T.rule("NEW", "E0104", "339901001", lead: "S1-ENF", from: "2025-07-01"),
        ])
        #expect(report.isClean, "\(report)")
    }

    @Test func conflictsNameOnlyTheTimesAttributesAndPlacesInDispute() throws {
        let report = try report([
            T.rule("E", "E01", "*", lead: "@street:环卫"),
            T.rule("EVENING", "E0102", "*", lead: "D1-ENF", tier: "district", window: "18:00-23:00"),
            T.rule("NIGHT", "E0102", "*", lead: "D1-SAN", tier: "district", window: "22:00-06:00"),
            T.rule("MAIN", "E0104", "339901", lead: "D1-ENF", tier: "district", attributes: "road_class=主干道|次干道;bus_lane=yes|no"),
            T.rule("BUS", "E0104", "339901", lead: "D1-SAN", tier: "district", attributes: "road_class=次干道;bus_lane=yes"),
            T.rule("LOCAL", "E0104", "339901001|339901002", lead: "@street:环卫"),
            T.rule("FIXED", "E0104", "339901001|339901002", lead: "S1-SAN"),
            T.rule("G1", "E0102", "339901001001001|339901001001002", lead: "M1", tier: "grid"),
            T.rule("G2", "E0102", "339901001001002|339901001002001", lead: "S1-SAN", tier: "grid"),
        ])
        let byRules = Dictionary(uniqueKeysWithValues: report.conflicts.map { ($0.ruleIDs.joined(separator: "+"), $0) })
        #expect(byRules.keys.sorted() == ["EVENING+NIGHT", "G1+G2", "LOCAL+FIXED", "MAIN+BUS"])
        #expect(byRules["EVENING+NIGHT"]?.times == (try RuleTimeWindow(parsing: "22:00-23:00")).minutes)
        #expect(byRules["EVENING+NIGHT"]?.places.map(\.digits) == ["339900"])
        #expect(byRules["MAIN+BUS"]?.attributes.map(\.description) == ["bus_lane=yes", "road_class=次干道"])
        // The local reference names S1-SAN in street 339901001 too: they differ only in 339901002.
        #expect(byRules["LOCAL+FIXED"]?.places.map(\.digits) == ["339901002"])
        #expect(byRules["G1+G2"]?.places.map(\.digits) == ["339901001001002"])
    }

    @Test func findingsCarryThePeriodInWhichTheyHold() throws {
        let report = try report([
            T.rule("OLD", "E01", "*", lead: "@street:环卫", to: "2025-06-30"),
            T.rule("NEW", "E01", "*", lead: "@street:环卫", from: "2025-08-01"),
            T.rule("A", "E0104", "339901", lead: "D1-ENF", tier: "district", from: "2025-03-01", to: "2025-03-31"),
            T.rule("B", "E0104", "339901", lead: "D1-SAN", tier: "district", from: "2025-03-15"),
        ])
        // In July only B covers anything of E01 (E0104 in 339901).
        #expect(report.gaps.map(\.description) == ["gap: E0102 in 339900 (2025-07-01…2025-07-31)", "gap: E0104 in 339902 (2025-07-01…2025-07-31)"])
        #expect(report.conflicts.map(\.description) == ["conflict: A vs B for E0104 in 339901 (2025-03-15…2025-03-31)"])
        // Checked from a later day, the past is not reported.
        let later = try T.list(others + [
            T.rule("OLD", "E01", "*", lead: "@street:环卫", to: "2025-06-30"),
            T.rule("NEW", "E01", "*", lead: "@street:环卫", from: "2025-08-01"),
        ]).1.validate(from: EffectiveDate(year: 2025, month: 9, day: 1)!)
        #expect(later.isClean)
    }

    @Test func theSampleCityValidatesClean() throws {
        let report = try SampleCity.reference().resolver().validate(from: start)
        #expect(report.isClean, "\(report)")
        #expect(report.listVersion == "sample")
    }

    @Test func theSampleListFindsTheGapWhenARuleIsRemoved() throws {
        let data = try SampleCity.reference()
        // Without the rule for 339902's 园林 work, its 园林绿化 cases fall through the gap.
        let rules = data.responsibilityList.rules.filter { !($0.category?.description == "C04" && $0.places.map(\.digits) == ["339902"]) }
        #expect(rules.count == data.responsibilityList.rules.count - 1)
        let report = try ResponsibilityList(version: "cut", rules: rules).validate(
            catalog: data.catalog, places: data.places, units: data.units, from: start)
        // C0401 (古树名木) has its own city rule, so the gap folds no further than the other C04 小类.
        let expected = data.catalog.minorClasses(of: try CategoryCode("C04")).filter { $0.description != "C0401" }.map { "\($0) 339902" }
        #expect(gaps(report) == expected)
        #expect(report.conflicts.isEmpty)
    }

    /// Adding a catch-all rule to any list of rules leaves no gap.
    @Test func anyListWithACatchAllHasNoGaps() async throws {
        let categories = ["*", "E01", "E0102", "E0104", "C01", "C0101", "G01", "G0101"]
        let placeOptions = ["*", "339901", "339902", "339901001", "339902001", "339901001002", "339901002001001"]
        let leads = ["C-WATER", "D1-ENF", "@street:环卫", "@district:环卫", "@community:社区"]
        let windows = ["", "22:00-06:00", "Sat-Sun", "Mon-Fri 08:00-18:00"]
        let ruleGen = zip(
            Gen.int(in: 0...(categories.count - 1)), Gen.int(in: 0...(placeOptions.count - 1)),
            Gen.int(in: 0...(leads.count - 1)), Gen.int(in: 0...(windows.count - 1)))
        await propertyCheck(count: 60, input: ruleGen.array(of: 0...12)) { picks in
            var rows = [T.rule("CATCH-ALL", "*", "*", lead: "C-WATER", tier: "city", priority: "-100")]
            for (index, pick) in picks.enumerated() {
                rows.append(T.rule("R\(index)", categories[pick.0], placeOptions[pick.1], lead: leads[pick.2], tier: "community", window: windows[pick.3]))
            }
            do {
                let report = try T.list(rows).1.validate(from: start)
                #expect(report.gaps.isEmpty, "\(report)")
                // And resolving never finds nobody.
                let resolver = try T.list(rows).1
                for grid in try T.places().grids {
                    let query = ResponsibilityQuery(category: T.category("E0102"), grid: grid.code)
                    if case .noResponsibleUnit(let none) = resolver.resolve(query, at: T.local(2025, 6, 7, 23)).decision {
                        Issue.record("no unit: \(none)")
                    }
                }
            } catch {
                Issue.record("\(error)")
            }
        }
    }
}
