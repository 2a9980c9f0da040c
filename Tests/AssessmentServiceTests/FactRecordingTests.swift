import Foundation
import GridDomain
import GridRuntime
import PostgresNIO
import TestSupport
import Testing

@testable import AssessmentService

/// The lifecycle consumer's handler on a real PostgreSQL: facts stored exactly, idempotently, in batches.
@Suite struct FactRecordingTests {
    @Test func storedFactsEqualTheProjectionAndEventsAreRecordedOnce() async throws {
        let scenario = try AssessmentScenario()
        let (expected, _) = try ScenarioTests.project(scenario.messages)
        try await AssessmentDatabase.with { database in
            let first = try await AssessmentDatabase.project(scenario.messages, batchSize: 7, in: database)
            #expect(first.recorded == scenario.messages.count)
            #expect(first.alreadyRecorded == 0 && first.gaps == 0 && first.unknownTypes == 0)

            // Everything again, in one batch: nothing is new and nothing changes.
            let again = try await AssessmentDatabase.project(scenario.messages, batchSize: 1_000, in: database)
            #expect(again.recorded == 0)
            #expect(again.alreadyRecorded == scenario.messages.count)
            #expect(again.factsWritten == 0)

            let stored = try await database.client.withTransaction(logger: database.logger) { connection in
                try await CaseFactStore().lockAndLoad(Array(expected.keys), on: connection, logger: database.logger)
            }
            #expect(stored == expected)
            let events = try await AssessmentDatabase.count("SELECT count(*) FROM event_facts", in: database)
            #expect(events == scenario.messages.count)
            let cards = try await AssessmentDatabase.count(
                "SELECT count(*) FROM event_facts WHERE kind = 'red_card' AND stage = 'dispose' AND due_at IS NOT NULL", in: database)
            #expect(cards == 4)
        }
    }

    @Test func aRepeatWithinABatchAndAStepUnderAnotherIdAreRecordedOnce() async throws {
        let scenario = try AssessmentScenario()
        var messages = scenario.messages
        let step = try #require(messages.first { $0.type == ContractEventType.caseStep(.file) })
        messages.append(step)  // the same event redelivered in the same batch
        var republished = step
        republished.eventID = UUID().uuidString.lowercased()  // the same step under a new id
        messages.append(republished)
        try await AssessmentDatabase.with { database in
            let summary = try await AssessmentDatabase.project(messages, batchSize: 1_000, in: database)
            #expect(summary.recorded == scenario.messages.count)
            #expect(summary.alreadyRecorded == 2)
            let counts = try await IndicatorQuery().run(
                period: AssessmentScenario.period, grouping: .district, filter: IndicatorFilter(), on: database.client,
                logger: database.logger)
            #expect(counts.values.map(\.counts).reduce(IndicatorCounts(), +) == AssessmentScenario.expectedTotal)
        }
    }

    @Test func aCaseFirstSeenAfterAGapIsStillRecorded() async throws {
        var script = try CaseScript(at: at("08:55"))
        try script.file(at: at("09:00"))
        try script.dispatch(to: AssessmentScenario.sanitation, at: at("09:05"))
        try script.signFor(AssessmentScenario.sanitation, at: at("09:10"))
        try script.reportDisposal(AssessmentScenario.sanitation, at: at("10:00"))
        // The consumer never saw the opening event, filing and dispatch (e.g. dead-lettered).
        let seen = Array(script.messages.suffix(2))
        try await AssessmentDatabase.with { database in
            let summary = try await AssessmentDatabase.project(seen, in: database)
            #expect(summary.recorded == 2)
            #expect(summary.gaps == 1)
            let facts = try await database.client.withTransaction(logger: database.logger) { connection in
                try await CaseFactStore().lockAndLoad([script.id], on: connection, logger: database.logger)
            }
            let fact = try #require(facts[script.id])
            #expect(fact.state == .disposed)
            #expect(fact.lastSequence == 5)
            #expect(fact.firstDisposedAt == at("10:00"))
            #expect(fact.department == UnitID(AssessmentScenario.sanitation))
            #expect(fact.filedAt == nil)  // the filing step was never seen
        }
    }

    @Test func anInvalidEventIsRefusedAndNothingOfItsBatchIsWritten() async throws {
        let scenario = try AssessmentScenario()
        let broken = LifecycleMessage(
            eventID: "broken-1", type: ContractEventType.caseStep(.close), data: Data(#"{"caseId":"not a uuid"}"#.utf8))
        try await AssessmentDatabase.with { database in
            await #expect {
                try await AssessmentDatabase.project(Array(scenario.messages.prefix(5)) + [broken], batchSize: 100, in: database)
            } throws: { error in
                (error as? PostgresTransactionError)?.closureError is InvalidLifecycleEvent
            }
            let events = try await AssessmentDatabase.count("SELECT count(*) FROM event_facts", in: database)
            let facts = try await AssessmentDatabase.count("SELECT count(*) FROM case_facts", in: database)
            #expect(events == 0 && facts == 0)
        }
    }

    @Test func throughTheInboxAnInvalidEventIsRejectedAndTheRestRecorded() async throws {
        let scenario = try AssessmentScenario()
        let broken = CloudEvent(
            id: "broken-1", source: ContractSource.routing, type: ContractEventType.caseStep(.close),
            dataContentType: CloudEvent.jsonContentType, data: Array(#"{"caseId":"not a uuid"}"#.utf8))
        let events = scenario.messages.map { message in
            CloudEvent(
                id: message.eventID, source: ContractSource.intake, type: message.type,
                dataContentType: CloudEvent.jsonContentType, data: Array(message.data))
        }
        try await AssessmentDatabase.with { database in
            let inbox = Inbox(
                outbox: Outbox(schema: database.schema), client: database.client,
                configuration: .init(consumerName: "assessment"), logger: database.logger)
            let handler = LifecycleFactsHandler(
                projector: LifecycleFactProjector(logger: database.logger, metricsFactory: ServiceMetrics().factory))
            let batch = Array(events.prefix(10)) + [broken] + Array(events.dropFirst(10))
            // One transaction for the batch fails; the inbox then hands the events over one at a time.
            let outcomes = try await inbox.processBatch(batch) { events, transaction in
                try await handler.handle(events, in: transaction)
            }
            #expect(outcomes.filter(\.isRejected).count == 1)
            if case .rejected(let error) = outcomes[10] {
                #expect(error is InvalidLifecycleEvent)
            } else {
                Issue.record("the broken event was not rejected: \(outcomes[10])")
            }
            let counts = try await IndicatorQuery().run(
                period: AssessmentScenario.period, grouping: .department, filter: IndicatorFilter(), on: database.client,
                logger: database.logger)
            #expect(counts.values.map(\.counts).reduce(IndicatorCounts(), +) == AssessmentScenario.expectedTotal)

            // Redelivered: the inbox drops every one.
            let again = try await inbox.processBatch(events) { events, transaction in
                try await handler.handle(events, in: transaction)
            }
            #expect(again.allSatisfy { if case .duplicate = $0 { true } else { false } })
        }
    }

    @Test func unknownEventTypesAreSkipped() async throws {
        let message = LifecycleMessage(eventID: "new-1", type: "gridloop.case.teleported.v1", data: Data("{}".utf8))
        try await AssessmentDatabase.with { database in
            let summary = try await AssessmentDatabase.project([message], in: database)
            #expect(summary.unknownTypes == 1 && summary.recorded == 0)
        }
    }
}
