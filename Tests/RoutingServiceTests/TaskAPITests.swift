import Foundation
import GridDomain
import GridRuntime
import HTTPTypes
import HummingbirdTesting
import RoutingService
import NIOCore
import Testing
import TestSupport

/// A disposal unit's API against a real PostgreSQL: its task list, signing for, reporting disposal,
/// and what it may not do.
@Suite struct TaskAPITests {
    static let community = "M339901001001"

    @Test func aUnitSignsForAndReportsDisposalAndTheCaseGoesToIntake() async throws {
        try await RoutingHarness.with { harness, client in
            var intake = try IntakeCase()
            try intake.file()
            try await harness.feed(intake.events)
            let unit = RoutingHarness.headers(try await RoutingHarness.token(roles: ["disposal_unit"], units: [Self.community]))

            let list = try await client.execute(uri: "/v1/tasks?status=awaiting_sign_for", method: .get, headers: unit)
            #expect(list.status == .ok)
            let tasks = try list.json(TaskListView.self).tasks
            let task = try #require(tasks.first)
            #expect(tasks.count == 1 && task.caseId == intake.id && task.taskStatus == .dispatched && task.round == 1)
            #expect(task.leadUnit == UnitID(Self.community) && task.description.contains("138****5678"))
            #expect(task.deadlines.map(\.stage) == [.signFor, .dispose])
            #expect(task.deadlines.allSatisfy { $0.dueAt > $0.startedAt && $0.startedAt == task.dispatchedAt })

            let signed = try await client.execute(uri: "/v1/tasks/\(intake.id)/sign-for", method: .post, headers: unit)
            #expect(signed.status == .ok)
            let afterSigning = try signed.json(StepResultView.self)
            #expect(afterSigning.state == .inDisposal && afterSigning.taskStatus == .inDisposal)
            #expect(afterSigning.steps.map(\.step) == [.signFor] && afterSigning.steps.first?.sequence == 4)

            let again = try await client.execute(uri: "/v1/tasks/\(intake.id)/sign-for", method: .post, headers: unit)
            #expect(again.status == .conflict && again.text.contains("illegal_transition"))

            let report = #"{"note":"已清运","attachments":["https://media.example/d/1.jpg"]}"#
            let disposed = try await client.execute(
                uri: "/v1/tasks/\(intake.id)/disposal", method: .post, headers: unit, body: ByteBuffer(string: report))
            #expect(disposed.status == .ok)
            #expect(try disposed.json(StepResultView.self).state == .disposed)

            let late = try await client.execute(uri: "/v1/tasks/\(intake.id)/sign-for", method: .post, headers: unit)
            #expect(late.status == .conflict && late.text.contains("owned_by_intake") && late.text.contains("intake"))
            let open = try await client.execute(uri: "/v1/tasks", method: .get, headers: unit)
            #expect(try open.json(TaskListView.self).tasks.isEmpty)

            let published = try await harness.published()
            #expect(published.map(\.type) == [
                "gridloop.case.dispatched.v1", "gridloop.case.signed-for.v1", "gridloop.case.disposal-reported.v1",
            ])
            guard case .step(let last) = published.last else { throw TestFailure("no disposal step") }
            #expect(last.action == .reportDisposal(note: "已清运", attachments: [URL(string: "https://media.example/d/1.jpg")!]))
            #expect(last.actor.unit == UnitID(Self.community) && last.actor.role == .disposalUnit)

            let history = try await client.execute(uri: "/v1/cases/\(intake.id)/assignment", method: .get, headers: unit)
            #expect(history.status == .ok)
            let view = try history.json(CaseAssignmentsView.self)
            #expect(view.history.count == 1 && view.history.first?.status == .disposed && view.history.first?.disposedAt != nil)
        }
    }

    @Test func requestsOutsideTheUnitsRightsOrWithBadInputAreRefusedAndChangeNothing() async throws {
        try await RoutingHarness.with { harness, client in
            var intake = try IntakeCase()
            try intake.file()
            try await harness.feed(intake.events)
            let other = RoutingHarness.headers(try await RoutingHarness.token(roles: ["disposal_unit"], units: ["S339901001-SANITATION"]))
            let unit = RoutingHarness.headers(try await RoutingHarness.token(roles: ["disposal_unit"], units: [Self.community]))
            let dispatcher = RoutingHarness.headers(try await RoutingHarness.token(roles: ["dispatcher"]))

            let wrongUnit = try await client.execute(uri: "/v1/tasks/\(intake.id)/sign-for", method: .post, headers: other)
            #expect(wrongUnit.status == .forbidden && wrongUnit.text.contains(Self.community))
            let wrongRole = try await client.execute(uri: "/v1/tasks/\(intake.id)/sign-for", method: .post, headers: dispatcher)
            #expect(wrongRole.status == .forbidden)
            let anonymous = try await client.execute(uri: "/v1/tasks", method: .get)
            #expect(anonymous.status == .unauthorized)
            let foreignUnit = try await client.execute(uri: "/v1/tasks?unit=\(Self.community)", method: .get, headers: other)
            #expect(foreignUnit.status == .forbidden)
            let badStatus = try await client.execute(uri: "/v1/tasks?status=everything", method: .get, headers: unit)
            #expect(badStatus.status == .badRequest)
            let badLimit = try await client.execute(uri: "/v1/tasks?limit=0&offset=-1", method: .get, headers: unit)
            #expect(badLimit.status == .badRequest && badLimit.text.contains("limit") && badLimit.text.contains("offset"))

            let body = #"{"note":"  ","attachments":["ftp://x/1.jpg","https://media.example/ok.jpg"]}"#
            let invalid = try await client.execute(
                uri: "/v1/tasks/\(intake.id)/disposal", method: .post, headers: unit, body: ByteBuffer(string: body))
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.text.contains("note") && invalid.text.contains("attachments[0]") && invalid.text.contains("2 problems"))
            let blankReason = try await client.execute(
                uri: "/v1/tasks/\(intake.id)/return", method: .post, headers: unit, body: ByteBuffer(string: #"{"reason":""}"#))
            #expect(blankReason.status == .unprocessableContent)
            let malformed = try await client.execute(uri: "/v1/tasks/not-a-uuid/sign-for", method: .post, headers: unit)
            #expect(malformed.status == .badRequest)
            let unknown = try await client.execute(uri: "/v1/tasks/\(CaseID())/sign-for", method: .post, headers: unit)
            #expect(unknown.status == .notFound)

            // Nothing of the refused requests reached the timeline.
            #expect(try await harness.published().map(\.type) == ["gridloop.case.dispatched.v1"])
            let notYours = try await client.execute(uri: "/v1/cases/\(intake.id)/assignment", method: .get, headers: other)
            #expect(notYours.status == .forbidden)
        }
    }
}

/// A test failure with a message.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
