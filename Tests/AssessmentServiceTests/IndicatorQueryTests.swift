import Foundation
import GridDomain
import TestSupport
import Testing

@testable import AssessmentService

/// The SQL of `IndicatorQuery` counts exactly what `IndicatorFormulas` defines.
@Suite struct IndicatorQueryTests {
    static let periods: [IndicatorPeriod] = [
        AssessmentScenario.period,
        IndicatorPeriod(from: at("2 00:00"), to: at("3 00:00"))!,
        IndicatorPeriod(from: at("4 00:00"), to: at("5 00:00"))!,
        IndicatorPeriod(from: at("1 00:00"), to: at("8 00:00"))!,
        IndicatorPeriod(from: at("10:00"), to: at("13:05"))!,
    ]

    static func filters() throws -> [IndicatorFilter] {
        [
            IndicatorFilter(),
            IndicatorFilter(placePrefixes: ["339902"]),
            IndicatorFilter(placePrefixes: ["339901001", "339902001001"]),
            IndicatorFilter(placePrefixes: []),
            IndicatorFilter(district: try PlaceCode("339901")),
            IndicatorFilter(street: try PlaceCode("339902001")),
            IndicatorFilter(category: try CategoryCode("E01")),
            IndicatorFilter(category: try CategoryCode("E0103")),
        ]
    }

    @Test func theDatabaseCountsWhatTheFormulasDefine() async throws {
        let scenario = try AssessmentScenario()
        let (facts, events) = try ScenarioTests.project(scenario.messages)
        let filters = try Self.filters()
        try await AssessmentDatabase.with { database in
            try await AssessmentDatabase.project(scenario.messages, batchSize: 25, in: database)
            var compared = 0
            for period in Self.periods {
                for grouping in IndicatorGrouping.allCases {
                    for filter in filters {
                        let fromSQL = try await IndicatorQuery().run(
                            period: period, grouping: grouping, filter: filter, on: database.client, logger: database.logger)
                        let covered = facts.values.filter { filter.matches(placement: $0.placement, category: $0.category) }
                        let coveredEvents = events.filter { filter.matches(placement: $0.placement, category: $0.category) }
                        var expected: [String?: IndicatorQuery.GroupResult] = [:]
                        for (key, group) in Dictionary(grouping: covered, by: { IndicatorFormulas.groupKey(of: $0, by: grouping) }) {
                            expected[key, default: .init()].counts = IndicatorFormulas.counts(of: group, in: period)
                        }
                        for (key, group) in Dictionary(grouping: coveredEvents, by: { IndicatorFormulas.groupKey(of: $0, by: grouping) }) {
                            expected[key, default: .init()].cards = IndicatorFormulas.cardCounts(of: group, in: period)
                        }
                        let nonEmpty = expected.filter { $0.value != IndicatorQuery.GroupResult() }
                        #expect(fromSQL == nonEmpty, "period \(period), \(grouping), \(filter)")
                        compared += 1
                    }
                }
            }
            #expect(compared == 5 * 3 * 8)
        }
    }

    @Test func theScenarioGivesItsStoryByDistrictAndStreet() async throws {
        let scenario = try AssessmentScenario()
        try await AssessmentDatabase.with { database in
            try await AssessmentDatabase.project(scenario.messages, in: database)
            let byDistrict = try await IndicatorQuery().run(
                period: AssessmentScenario.period, grouping: .district, filter: IndicatorFilter(), on: database.client,
                logger: database.logger)
            #expect(byDistrict.mapValues(\.counts) == AssessmentScenario.expectedByDistrict)
            #expect(byDistrict["339902"]?.cards.red[.dispose] == 2)  // D and E
            let byStreet = try await IndicatorQuery().run(
                period: AssessmentScenario.period, grouping: .street, filter: IndicatorFilter(placePrefixes: ["339901"]),
                on: database.client, logger: database.logger)
            #expect(Array(byStreet.keys) == ["339901001"])
            #expect(byStreet["339901001"]?.counts == AssessmentScenario.expectedByDistrict["339901"])
        }
    }
}
