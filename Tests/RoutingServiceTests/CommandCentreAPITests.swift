import Foundation
import GridDomain
import GridRuntime
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RoutingService
import Testing
import TestSupport

/// Extension and parking requests and decisions, escalation, joint response, void and duplicates
/// through the API, against a real PostgreSQL.
@Suite struct CommandCentreAPITests {
    static let community = "M339901001001"

    /// Files an E0102 case, lets routing dispatch it to the community, and has the community sign for it.
    static func caseInDisposal(_ harness: RoutingHarness, _ client: any TestClientProtocol, unit: HTTPFields) async throws -> IntakeCase {
        var intake = try IntakeCase()
        try intake.file()
        try await harness.feed(intake.events)
        let signed = try await client.execute(uri: "/v1/tasks/\(intake.id)/sign-for", method: .post, headers: unit)
        #expect(signed.status == .ok)
        return intake
    }

    @Test func extensionAndParkingRequestsAreDecidedByTheShiftLead() async throws {
        try await RoutingHarness.with { harness, client in
            let unit = RoutingHarness.headers(try await RoutingHarness.token(roles: ["disposal_unit"], units: [Self.community]))
            let shiftLead = RoutingHarness.headers(try await RoutingHarness.token(roles: ["shift_lead"], places: ["339901"], subject: "sl-3"))
            let dispatcher = RoutingHarness.headers(try await RoutingHarness.token(roles: ["dispatcher"], places: ["339901"]))
            let intake = try await Self.caseInDisposal(harness, client, unit: unit)

            let missing = try await client.execute(
                uri: "/v1/tasks/\(intake.id)/extension-request", method: .post, headers: unit,
                body: ByteBuffer(string: #"{"amount":0,"unit":"weeks"}"#))
            #expect(missing.status == .unprocessableContent && missing.text.contains("3 problems"))
            let asked = try await client.execute(
                uri: "/v1/tasks/\(intake.id)/extension-request", method: .post, headers: unit,
                body: ByteBuffer(string: #"{"amount":2,"unit":"working_hours","reason":"等待清运车辆"}"#))
            #expect(asked.status == .ok)
            #expect(try asked.json(StepResultView.self).state == .inDisposal)

            let pending = try await client.execute(uri: "/v1/requests?kind=extension", method: .get, headers: shiftLead)
            let requests = try pending.json(PendingRequestListView.self).requests
            #expect(requests.map(\.caseId) == [intake.id])
            #expect(requests.first?.requested == TimeLimitV1(amount: 2, unit: .workingHours) && requests.first?.reason == "等待清运车辆")
            let unitMayNot = try await client.execute(uri: "/v1/cases/\(intake.id)/extension/approve", method: .post, headers: unit)
            #expect(unitMayNot.status == .forbidden)

            let approved = try await client.execute(uri: "/v1/cases/\(intake.id)/extension/approve", method: .post, headers: shiftLead)
            #expect(approved.status == .ok)
            #expect(try approved.json(StepResultView.self).steps.map(\.step) == [.approveExtension])
            #expect(try await client.execute(uri: "/v1/requests", method: .get, headers: shiftLead).json(PendingRequestListView.self).requests.isEmpty)
            let again = try await client.execute(uri: "/v1/cases/\(intake.id)/extension/approve", method: .post, headers: shiftLead)
            #expect(again.status == .conflict && again.text.contains("step_refused"))

            try await expectOK(client, "/v1/tasks/\(intake.id)/park-request", unit, #"{"reason":"需立项改造排水管"}"#)
            try await expectOK(client, "/v1/cases/\(intake.id)/park/approve", shiftLead, nil)
            let parked = try await client.execute(uri: "/v1/tasks?status=parked", method: .get, headers: unit)
            let task = try #require(try parked.json(TaskListView.self).tasks.first)
            #expect(task.taskStatus == .parked && task.deadlines.isEmpty && task.extensionsGranted.count == 1)
            let resumed = try await client.execute(uri: "/v1/cases/\(intake.id)/resume", method: .post, headers: dispatcher)
            #expect(try resumed.json(StepResultView.self).taskStatus == .inDisposal)

            let types = try await harness.published().map(\.type)
            #expect(types == [
                "gridloop.case.dispatched.v1", "gridloop.case.signed-for.v1", "gridloop.case.extension-requested.v1",
                "gridloop.case.extension-approved.v1", "gridloop.case.park-requested.v1", "gridloop.case.park-approved.v1",
                "gridloop.case.resumed.v1",
            ])
        }
    }

    @Test func anEscalatedCaseWaitsForTheHigherLevelsDispatcher() async throws {
        try await RoutingHarness.with { harness, client in
            let unit = RoutingHarness.headers(try await RoutingHarness.token(roles: ["disposal_unit"], units: [Self.community]))
            let street = RoutingHarness.headers(try await RoutingHarness.token(roles: ["dispatcher"], places: ["339901001"], subject: "dp-s"))
            let district = RoutingHarness.headers(try await RoutingHarness.token(roles: ["dispatcher"], places: ["339901"], subject: "dp-d"))
            let intake = try await Self.caseInDisposal(harness, client, unit: unit)

            let badLevel = try await client.execute(
                uri: "/v1/cases/\(intake.id)/escalate", method: .post, headers: street, body: ByteBuffer(string: #"{"level":"grid"}"#))
            #expect(badLevel.status == .unprocessableContent && badLevel.text.contains("level") && badLevel.text.contains("reason"))
            let escalated = try await client.execute(
                uri: "/v1/cases/\(intake.id)/escalate", method: .post, headers: street,
                body: ByteBuffer(string: #"{"level":"district","reason":"社区无力清运大件垃圾"}"#))
            let result = try escalated.json(StepResultView.self)
            #expect(result.state == .escalated && result.queued && result.queueReason == .escalated)

            let queue = try await client.execute(uri: "/v1/dispatch-queue?reason=escalated", method: .get, headers: district)
            let item = try #require(try queue.json(QueueListView.self).cases.first)
            #expect(item.caseId == intake.id && item.candidates == [UnitID("D339901-SANITATION")])

            let tooLow = try await client.execute(
                uri: "/v1/dispatch-queue/\(intake.id)/dispatch", method: .post, headers: street,
                body: ByteBuffer(string: #"{"lead":"S339901001-SANITATION"}"#))
            #expect(tooLow.status == .conflict && tooLow.text.contains("district"))
            let dispatched = try await client.execute(
                uri: "/v1/dispatch-queue/\(intake.id)/dispatch", method: .post, headers: district,
                body: ByteBuffer(string: #"{"lead":"D339901-SANITATION"}"#))
            let afterDispatch = try dispatched.json(StepResultView.self)
            #expect(afterDispatch.steps.map(\.step) == [.dispatch] && afterDispatch.leadUnit == UnitID("D339901-SANITATION"))

            let view = try await client.execute(uri: "/v1/cases/\(intake.id)/assignment", method: .get, headers: district)
                .json(CaseAssignmentsView.self)
            #expect(view.history.map(\.status) == [.escalated, .dispatched] && view.queue.first?.resolvedStep == .dispatch)
        }
    }

    @Test func aJointResponseLetsSummonedDepartmentsReportAndDispose() async throws {
        try await RoutingHarness.with { harness, client in
            let unit = RoutingHarness.headers(try await RoutingHarness.token(roles: ["disposal_unit"], units: [Self.community]))
            let police = RoutingHarness.headers(try await RoutingHarness.token(roles: ["disposal_unit"], units: ["S339901001-POLICE"]))
            let shiftLead = RoutingHarness.headers(try await RoutingHarness.token(roles: ["shift_lead"], places: ["*"]))
            let intake = try await Self.caseInDisposal(harness, client, unit: unit)

            let unknown = try await client.execute(
                uri: "/v1/cases/\(intake.id)/whistle", method: .post, headers: shiftLead,
                body: ByteBuffer(string: #"{"units":["NOPE"],"reason":"联合整治"}"#))
            #expect(unknown.status == .unprocessableContent && unknown.text.contains("NOPE"))
            try await expectOK(
                client, "/v1/cases/\(intake.id)/whistle", shiftLead,
                #"{"units":["S339901001-POLICE","S339901001-ENFORCE"],"reason":"占道经营联合整治"}"#)
            let summons = try await client.execute(uri: "/v1/summons", method: .get, headers: police).json(SummonListView.self).summons
            #expect(summons.map(\.caseId) == [intake.id] && summons.first?.arrived == [])
            #expect(summons.first?.summoned == [UnitID("S339901001-POLICE"), UnitID("S339901001-ENFORCE")])
            #expect(try await client.execute(uri: "/v1/summons", method: .get, headers: unit).json(SummonListView.self).summons.isEmpty)
            let notSummoned = try await client.execute(uri: "/v1/tasks/\(intake.id)/arrival", method: .post, headers: unit)
            #expect(notSummoned.status == .forbidden)
            try await expectOK(client, "/v1/tasks/\(intake.id)/arrival", police, nil)
            let afterArrival = try await client.execute(uri: "/v1/summons", method: .get, headers: police).json(SummonListView.self)
            #expect(afterArrival.summons.first?.arrived == [UnitID("S339901001-POLICE")])
            let disposed = try await client.execute(
                uri: "/v1/tasks/\(intake.id)/disposal", method: .post, headers: police,
                body: ByteBuffer(string: #"{"note":"联合清理完毕","attachments":[]}"#))
            #expect(try disposed.json(StepResultView.self).state == .disposed)
            #expect(try await client.execute(uri: "/v1/summons", method: .get, headers: police).json(SummonListView.self).summons.isEmpty)
            guard case .step(let last) = try await harness.published().last else { throw TestFailure("no step published") }
            #expect(last.action.kind == .reportDisposal && last.actor.unit == UnitID("S339901001-POLICE"))
        }
    }

    @Test func theShiftLeadVoidsOrMarksDuplicateFiledCases() async throws {
        try await RoutingHarness.with { harness, client in
            let shiftLead = RoutingHarness.headers(try await RoutingHarness.token(roles: ["shift_lead"], places: ["*"]))
            var unplaced = try IntakeCase(grid: nil)
            try unplaced.file()
            var repeated = try IntakeCase(grid: nil)
            try repeated.file()
            try await harness.feed(unplaced.events + repeated.events)

            try await expectOK(client, "/v1/cases/\(unplaced.id)/void", shiftLead, #"{"reason":"虚假上报"}"#)
            let duplicate = try await client.execute(
                uri: "/v1/cases/\(repeated.id)/duplicate", method: .post, headers: shiftLead,
                body: ByteBuffer(string: #"{"duplicateOf":"\#(unplaced.id)"}"#))
            #expect(try duplicate.json(StepResultView.self).state == .duplicate)
            let queue = try await client.execute(uri: "/v1/dispatch-queue", method: .get, headers: shiftLead)
            #expect(try queue.json(QueueListView.self).cases.isEmpty)
            let finished = try await client.execute(
                uri: "/v1/cases/\(unplaced.id)/void", method: .post, headers: shiftLead, body: ByteBuffer(string: #"{"reason":"再次"}"#))
            #expect(finished.status == .conflict && finished.text.contains("case_finished"))
        }
    }
}

/// Posts `body` (or nothing) and expects 200.
func expectOK(_ client: any TestClientProtocol, _ uri: String, _ headers: HTTPFields, _ body: String?) async throws {
    let response = try await client.execute(uri: uri, method: .post, headers: headers, body: body.map { ByteBuffer(string: $0) })
    #expect(response.status == .ok, "\(uri): \(response.status) \(response.text)")
}
