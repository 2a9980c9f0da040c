import Foundation
import GridDomain
import GridRuntime
import HTTPTypes
import HummingbirdTesting
import RoutingService
import NIOCore
import Testing
import TestSupport

/// Returns, re-dispatch and the command centre's manual-dispatch queue, against a real PostgreSQL.
@Suite struct DispatchQueueAPITests {
    @Test func returnedCasesAreRedispatchedThenQueuedThenDispatchedByHand() async throws {
        try await RoutingHarness.with { harness, client in
            var intake = try IntakeCase(category: "C0102")
            try intake.file()
            try await harness.feed(intake.events)
            let drainage = RoutingHarness.headers(try await RoutingHarness.token(roles: ["disposal_unit"], units: ["C-DRAINAGE"]))
            let municipal = RoutingHarness.headers(try await RoutingHarness.token(roles: ["disposal_unit"], units: ["D339901-MUNICIPAL"]))
            let dispatcher = RoutingHarness.headers(try await RoutingHarness.token(roles: ["dispatcher"], places: ["339901"], subject: "dp-7"))
            let otherDistrict = RoutingHarness.headers(try await RoutingHarness.token(roles: ["shift_lead"], places: ["339902"]))

            let first = try await client.execute(
                uri: "/v1/tasks/\(intake.id)/return", method: .post, headers: drainage,
                body: ByteBuffer(string: #"{"reason":"非排水设施"}"#))
            #expect(first.status == .ok)
            let redispatched = try first.json(StepResultView.self)
            #expect(redispatched.steps.map(\.step) == [.returnToDispatcher, .redispatch])
            #expect(redispatched.steps.last?.actor == "system:routing")
            #expect(redispatched.leadUnit == UnitID("D339901-MUNICIPAL") && !redispatched.queued)

            let second = try await client.execute(
                uri: "/v1/tasks/\(intake.id)/return", method: .post, headers: municipal,
                body: ByteBuffer(string: #"{"reason":"属排水管网"}"#))
            let queued = try second.json(StepResultView.self)
            #expect(queued.steps.map(\.step) == [.returnToDispatcher] && queued.queued && queued.queueReason == .returnedByUnit)
            #expect(queued.state == .returned)

            let queue = try await client.execute(uri: "/v1/dispatch-queue", method: .get, headers: dispatcher)
            #expect(queue.status == .ok)
            let items = try queue.json(QueueListView.self).cases
            #expect(items.map(\.caseId) == [intake.id] && items.first?.reason == .returnedByUnit)
            #expect(items.first?.returnedBy == [UnitID("C-DRAINAGE"), UnitID("D339901-MUNICIPAL")])
            let elsewhere = try await client.execute(uri: "/v1/dispatch-queue", method: .get, headers: otherDistrict)
            #expect(try elsewhere.json(QueueListView.self).cases.isEmpty)
            let filtered = try await client.execute(uri: "/v1/dispatch-queue?reason=escalated", method: .get, headers: dispatcher)
            #expect(try filtered.json(QueueListView.self).cases.isEmpty)

            let unknownUnit = try await client.execute(
                uri: "/v1/dispatch-queue/\(intake.id)/dispatch", method: .post, headers: dispatcher,
                body: ByteBuffer(string: #"{"lead":"NO-SUCH-UNIT","coUnits":["C-DRAINAGE","C-DRAINAGE"]}"#))
            #expect(unknownUnit.status == .unprocessableContent && unknownUnit.text.contains("NO-SUCH-UNIT") && unknownUnit.text.contains("twice"))
            let notAllowed = try await client.execute(
                uri: "/v1/dispatch-queue/\(intake.id)/dispatch", method: .post, headers: otherDistrict,
                body: ByteBuffer(string: #"{"lead":"D339901-ENFORCE"}"#))
            #expect(notAllowed.status == .forbidden)

            let byHand = try await client.execute(
                uri: "/v1/dispatch-queue/\(intake.id)/dispatch", method: .post, headers: dispatcher,
                body: ByteBuffer(string: #"{"lead":"D339901-ENFORCE","coUnits":["D339901-MUNICIPAL"]}"#))
            #expect(byHand.status == .ok)
            let result = try byHand.json(StepResultView.self)
            #expect(result.steps.map(\.step) == [.redispatch] && result.steps.first?.actor == "dispatcher:dp-7")
            #expect(result.leadUnit == UnitID("D339901-ENFORCE") && !result.queued)
            let emptied = try await client.execute(uri: "/v1/dispatch-queue", method: .get, headers: dispatcher)
            #expect(try emptied.json(QueueListView.self).cases.isEmpty)

            let assignment = try await client.execute(uri: "/v1/cases/\(intake.id)/assignment", method: .get, headers: dispatcher)
            let view = try assignment.json(CaseAssignmentsView.self)
            #expect(view.history.map(\.leadUnit) == [UnitID("C-DRAINAGE"), UnitID("D339901-MUNICIPAL"), UnitID("D339901-ENFORCE")])
            #expect(view.history.map(\.status) == [.returned, .returned, .dispatched])
            #expect(view.current?.round == 3 && view.current?.explanation?.method == .manual)
            #expect(view.current?.explanation?.queueReason == .returnedByUnit)
            #expect(view.history[1].explanation?.resolver?.excluded == [UnitID("C-DRAINAGE")])
            #expect(view.queue.count == 1 && view.queue.first?.resolvedStep == .redispatch && view.queue.first?.resolvedBy == "dispatcher:dp-7")
            #expect(!view.queued)

            let types = try await harness.published().map(\.type)
            #expect(types == [
                "gridloop.case.dispatched.v1", "gridloop.case.returned.v1", "gridloop.case.redispatched.v1",
                "gridloop.case.returned.v1", "gridloop.dispatch.manual-required.v1", "gridloop.case.redispatched.v1",
            ])
        }
    }

    @Test func anUnplacedCaseIsOnlyShownCityWide() async throws {
        try await RoutingHarness.with { harness, client in
            var intake = try IntakeCase(grid: nil)
            try intake.file()
            try await harness.feed(intake.events)
            let cityWide = RoutingHarness.headers(try await RoutingHarness.token(roles: ["dispatcher"], places: ["*"]))
            let district = RoutingHarness.headers(try await RoutingHarness.token(roles: ["dispatcher"], places: ["339901"]))
            let items = try await client.execute(uri: "/v1/dispatch-queue", method: .get, headers: cityWide).json(QueueListView.self).cases
            #expect(items.map(\.caseId) == [intake.id] && items.first?.reason == .locationUnresolved)
            #expect(try await client.execute(uri: "/v1/dispatch-queue", method: .get, headers: district).json(QueueListView.self).cases.isEmpty)
            let refused = try await client.execute(
                uri: "/v1/dispatch-queue/\(intake.id)/dispatch", method: .post, headers: district,
                body: ByteBuffer(string: #"{"lead":"D339901-SANITATION"}"#))
            #expect(refused.status == .forbidden)
            let dispatched = try await client.execute(
                uri: "/v1/dispatch-queue/\(intake.id)/dispatch", method: .post, headers: cityWide,
                body: ByteBuffer(string: #"{"lead":"D339901-SANITATION"}"#))
            #expect(try dispatched.json(StepResultView.self).state == .dispatched)
        }
    }
}
