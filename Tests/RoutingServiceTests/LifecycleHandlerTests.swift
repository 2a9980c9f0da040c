import Foundation
import GridDomain
import GridRuntime
import PostgresNIO
import RoutingService
import Testing
import TestSupport

/// The lifecycle consumer's handler on a real PostgreSQL: batches, what it skips, what it refuses.
@Suite struct LifecycleHandlerTests {
    @Test func aBatchOfInterleavedCasesIsReplayedAndDispatchedInOneTransaction() async throws {
        try await RoutingHarness.with { harness, _ in
            var cases: [IntakeCase] = []
            for index in 0..<40 {
                var intake = try IntakeCase(category: index % 2 == 0 ? "E0102" : "C0102")
                try intake.file()
                cases.append(intake)
            }
            // Interleave: all openings, then all filings, as several partitions' worth would arrive.
            let batch = cases.map { $0.events[0] } + cases.map { $0.events[1] }
            try await harness.feed(batch)
            let published = try await harness.published()
            #expect(published.count == 40 && published.allSatisfy { $0.type == "gridloop.case.dispatched.v1" })
            let leads = Set(published.compactMap { event -> UnitID? in
                guard case .step(let step) = event else { return nil }
                return step.snapshot.leadUnit
            })
            #expect(leads == [UnitID("M339901001001"), UnitID("C-DRAINAGE")])

            // Redelivery of the same batch changes nothing and publishes nothing.
            try await harness.feed(batch)
            #expect(try await harness.published().count == 40)
            // Routing's own events coming back are duplicates too.
            try await harness.feed(published)
            #expect(try await harness.published().count == 40)
        }
    }

    @Test func cardsNoticesAndUnknownTypesChangeNothing() async throws {
        try await RoutingHarness.with { harness, _ in
            var intake = try IntakeCase(grid: nil)
            try intake.file()
            try await harness.feed(intake.events)
            let notices = try await harness.published()
            #expect(notices.map(\.type) == ["gridloop.dispatch.manual-required.v1"])
            try await harness.feed(notices + [.unknown(type: "gridloop.case.teleported.v1")])
            #expect(try await harness.published().count == 1)
        }
    }

    @Test func eventsTheReplicaCannotTakeAreRefused() async throws {
        try await RoutingHarness.with { harness, _ in
            var intake = try IntakeCase()
            try intake.file()
            // Without the opening event: a gap (retried, then dead-lettered by the consumer).
            await #expect(throws: ReplayGap.self) { try await harness.feed([intake.events[1]]) }

            try await harness.feed([intake.events[0]])
            // A filing the lifecycle refuses on the replica: a supervisor may not file.
            guard case .step(var forged) = intake.events[1] else { throw TestFailure("no filing") }
            forged.actor = CaseActorV1(role: .supervisor, id: "sv-9")
            let refused = await #expect(throws: EventRejection.self) { try await harness.feed([.step(forged)]) }
            #expect(try #require(refused).description.contains("refused"))
            // Undecodable data.
            let garbage = CloudEvent(
                id: "x-1", source: "/gridloop/intake", type: "gridloop.case.filed.v1", subject: intake.id.description,
                dataContentType: "application/json", data: Array(#"{"caseId":"#.utf8))
            let outbox = Outbox(schema: harness.database.schema)
            await #expect(throws: EventRejection.self) {
                do {
                    try await outbox.withTransaction(on: harness.database.client, logger: harness.database.logger) { transaction in
                        _ = try await harness.routing.handler.handle([garbage], in: transaction, logger: harness.database.logger)
                    }
                } catch let error as PostgresTransactionError {
                    throw error.closureError ?? error
                }
            }
            // Nothing was written by the refused events: the genuine filing still applies.
            try await harness.feed([intake.events[1]])
            #expect(try await harness.published().map(\.type) == ["gridloop.case.dispatched.v1"])
        }
    }
}
