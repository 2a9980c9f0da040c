import AssessmentService
import Foundation
import GridDomain
import Testing

/// The scenario's real contract events, decoded and projected in memory, give the exact indicators.
@Suite struct ScenarioTests {
    /// Decodes and projects every message, as the consumer does (without the database).
    static func project(_ messages: [LifecycleMessage]) throws -> ([CaseID: CaseFact], [EventFact]) {
        var facts: [CaseID: CaseFact] = [:]
        var events: [EventFact] = []
        for message in messages {
            let event = try LifecycleTopicEventV1.decode(type: message.type, data: message.data)
            if let fact = EventFact(eventID: message.eventID, event: event) { events.append(fact) }
            _ = FactProjection.apply(event, to: &facts)
        }
        return (facts, events)
    }

    @Test func totalsMatchTheStory() throws {
        let scenario = try AssessmentScenario()
        let (facts, events) = try Self.project(scenario.messages)
        let counts = IndicatorFormulas.counts(of: facts.values, in: AssessmentScenario.period)
        #expect(counts == AssessmentScenario.expectedTotal)
        #expect(IndicatorFormulas.cardCounts(of: events, in: AssessmentScenario.period) == AssessmentScenario.expectedCards)

        let ratios = IndicatorFormulas.ratios(of: counts)
        #expect(ratios.closingRate.value == Decimal(string: "0.8333"))  // 5 / 6
        #expect(ratios.onTimeClosingRate.value == Decimal(string: "0.6667"))  // 4 / 6
        #expect(ratios.reworkRate.value == Decimal(string: "0.2"))  // 1 / 5
        #expect(ratios.accurateFilingRate.value == Decimal(string: "0.8889"))  // 8 / 9
    }

    @Test func eachCaseIsWhereTheStorySaysIt() throws {
        let scenario = try AssessmentScenario()
        let (facts, _) = try Self.project(scenario.messages)
        func fact(_ letter: String) throws -> CaseFact {
            let id = try #require(scenario.cases[letter])
            return try #require(facts[id])
        }

        let b = try fact("B")
        #expect(b.breachedRuns == 1 && b.lateDisposals == 1)
        #expect(b.dueForClosingAt == at("13:05"))
        #expect(try fact("G").breachedRuns == 0)  // the red card was stale
        #expect(try fact("G").dueForClosingAt == at("12:59"))
        #expect(try fact("C").counters.reworkCount == 1)
        #expect(try fact("C").firstDisposedAt == at("10:00"))
        #expect(try fact("C").disposedAt == at("11:00"))
        #expect(try fact("D").dueForClosingAt == at("12:00"))
        #expect(try fact("D").firstDisposedAt == nil)
        #expect(try fact("E").isParked)
        #expect(try fact("E").breachedRuns == 1)  // red card before parking: the breach stands
        #expect(try fact("F").voidedAt == at("09:30"))
        #expect(try fact("H").counters.selfDisposed)
        #expect(try fact("I").filedAt == at("2 16:05"))
        #expect(try fact("J").dueForClosingAt == at("4 09:00"))
        #expect(try fact("K").duplicateAt == at("09:20"))
        #expect(try fact("A").department == UnitID(AssessmentScenario.sanitation))
        #expect(try fact("D").placement.district?.digits == "339902")
    }

    @Test func groupsAddUpAndMatchTheStory() throws {
        let scenario = try AssessmentScenario()
        let (facts, _) = try Self.project(scenario.messages)
        for (grouping, expected) in [
            (IndicatorGrouping.department, AssessmentScenario.expectedByDepartment),
            (.district, AssessmentScenario.expectedByDistrict),
        ] {
            let groups = Dictionary(grouping: facts.values) { IndicatorFormulas.groupKey(of: $0, by: grouping) }
            let counts = groups.mapValues { IndicatorFormulas.counts(of: $0, in: AssessmentScenario.period) }
                .filter { $0.value != IndicatorCounts() }
            #expect(counts == expected, "grouped by \(grouping)")
        }
    }

    @Test func replayingEveryEventTwiceChangesNothing() throws {
        let scenario = try AssessmentScenario()
        let (once, _) = try Self.project(scenario.messages)
        var twice = once
        for message in scenario.messages {
            let event = try LifecycleTopicEventV1.decode(type: message.type, data: message.data)
            if case .step = event { #expect(FactProjection.apply(event, to: &twice) == .unchanged) }
        }
        #expect(twice == once)
    }
}
