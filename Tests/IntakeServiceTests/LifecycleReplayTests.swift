import Foundation
import GridDomain
import GridRuntime
import PostgresNIO
import TestSupport
import Testing

@testable import IntakeService

@Suite("Applying lifecycle events to replicas and timelines")
struct LifecycleReplayTests {
    @Test func redeliveredEventsChangeNothingAndOpenNoSecondCheck() async throws {
        try await IntakeFixture.with { fixture in
            let filed = try await fixture.openFiledCase()
            var routing = RoutingSide(filed, lifecycle: fixture.city.lifecycle)
            let disposal = try routing.dispose()
            try await fixture.consume(disposal)
            let outboxAfterFirst = try await fixture.outbox().count
            try await fixture.consume(disposal)  // redelivered (e.g. after a crash before the offset commit)
            try await fixture.consume(Array(disposal.suffix(1)))
            #expect(try await fixture.outbox().count == outboxAfterFirst)
            let types = try await fixture.timelineTypes(of: filed.replica.id)
            #expect(types.filter { $0 == "gridloop.case.check-assigned.v1" }.count == 1)
            #expect(types.count == 6)
            #expect(try await fixture.stored(filed.replica.id)?.replica.lastSequence == 6)
        }
    }

    @Test func ownEventsComingBackAreDuplicatesAndCardsJoinTheTimeline() async throws {
        try await IntakeFixture.with { fixture in
            let filed = try await fixture.openFiledCase()
            // intake's own two events come back from the topic.
            let own = try await fixture.outbox().map { row in
                LifecycleMessage(
                    source: ContractSource.intake, id: UUID().uuidString, type: row.type,
                    event: try LifecycleTopicEventV1.decode(type: row.type, data: Data(row.data.utf8)), data: row.data)
            }
            var routing = RoutingSide(filed, lifecycle: fixture.city.lifecycle)
            let dispatched = try routing.step(.dispatch(lead: RoutingSide.unit, coUnits: []), by: .system("routing"))
            let card = try routing.redCard()
            try await fixture.consume(own + [dispatched, card])
            let types = try await fixture.timelineTypes(of: filed.replica.id)
            #expect(
                types == [
                    "gridloop.case.reported.v1", "gridloop.case.filed.v1", "gridloop.case.dispatched.v1",
                    "gridloop.deadline.red-card.v1",
                ])
            #expect(try await fixture.stored(filed.replica.id)?.replica.state == .dispatched)
        }
    }

    @Test func ownEventsAlreadyRecordedAreSkippedUndecodedAndAnUnrecordedOneIsApplied() async throws {
        try await IntakeFixture.with { fixture in
            let filed = try await fixture.openFiledCase()
            let own = try await fixture.ownEvents()
            #expect(own.map(\.type) == ["gridloop.case.reported.v1", "gridloop.case.filed.v1"])
            // Recorded when produced: skipped by id — even data that would not decode is never looked at.
            let garbled = own.map { event in
                var event = event
                event.data = Array("not json".utf8)
                return event
            }
            try await fixture.handleLifecycle(garbled)
            #expect(try await fixture.timelineTypes(of: filed.replica.id).count == 2)

            // A database restored from a backup older than the case: its own opening event comes back unrecorded.
            for table in ["timeline", "reporters"] {
                try await fixture.database.client.query(
                    "DELETE FROM \(unescaped: table) WHERE case_id = \(filed.replica.id.rawValue)", logger: fixture.database.logger)
            }
            try await fixture.database.client.query("DELETE FROM cases WHERE id = \(filed.replica.id.rawValue)", logger: fixture.database.logger)
            try await fixture.handleLifecycle(own)
            #expect(try await fixture.stored(filed.replica.id)?.replica.state == .filed)
            #expect(try await fixture.timelineTypes(of: filed.replica.id) == own.map(\.type))
        }
    }

    @Test func aMissingStepIsAReplayErrorAndNothingIsWritten() async throws {
        try await IntakeFixture.with { fixture in
            let filed = try await fixture.openFiledCase()
            var routing = RoutingSide(filed, lifecycle: fixture.city.lifecycle)
            let steps = try routing.dispose()
            do {
                try await fixture.consume([steps[0], steps[2]])  // sign_for is missing
                Issue.record("expected a replay error")
            } catch {
                let root = (error as? PostgresTransactionError)?.closureError ?? error
                let replayError = try #require(root as? CaseReplayError)
                #expect(replayError.code == .gap)
            }
            #expect(try await fixture.stored(filed.replica.id)?.replica.state == .filed)
            #expect(try await fixture.timelineTypes(of: filed.replica.id).count == 2)
        }
    }
}
