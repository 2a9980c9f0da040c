import Foundation
import GridDomain
import GridRuntime
import HTTPTypes
import PostgresNIO
import TestSupport
import Testing

@testable import IntakeService

@Suite("Steps on the supervision centre's side")
struct CaseStepTests {
    @Test func aConfirmedVerificationIsFollowedByFilingBySystem() async throws {
        try await IntakeFixture.with { fixture in
            let citizenReport = try CaseReport(
                channel: .citizenApp, reporter: Reporter(accountID: "cit-001"), reportedAt: Timestamps.now(),
                location: CaseLocation(point: fixture.interiorPoint(of: "339901001001001")), category: CategoryCode("E0102"),
                details: "垃圾")
            let outcomes = try await ReportOpeningTests.open(
                fixture, [NewReport(report: citizenReport, actor: CaseActor(role: .citizen, id: "cit-001"))])
            guard case .opened(let opened) = outcomes[0] else { Issue.record("not opened"); return }
            #expect(opened.replica.state == .verifying)

            let after = try await fixture.desk.takeStep(on: opened.replica.id, by: TestPrincipals.supervisor, roles: [.supervisor, .gridWorker]) {
                _ throws(APIError) in .reportVerification(confirmed: true, note: "属实")
            }
            #expect(after.replica.state == .filed)
            #expect(after.replica.verification?.confirmed == true)
            #expect(
                try await fixture.timelineTypes(of: opened.replica.id) == [
                    "gridloop.case.reported.v1", "gridloop.case.verification-requested.v1",
                    "gridloop.case.verification-reported.v1", "gridloop.case.filed.v1",
                ])
        }
    }

    @Test func aReportNotFoundOnSiteWaitsForTheOperatorWhoRejectsIt() async throws {
        try await IntakeFixture.with { fixture in
            let report = try CaseReport(
                channel: .citizenApp, reporter: Reporter(accountID: "cit-001"), reportedAt: Timestamps.now(),
                location: CaseLocation(point: fixture.interiorPoint(of: "339901001001001")), category: CategoryCode("E0102"), details: "x")
            let outcomes = try await ReportOpeningTests.open(fixture, [NewReport(report: report, actor: CaseActor(role: .citizen, id: "cit-001"))])
            guard case .opened(let opened) = outcomes[0] else { Issue.record("not opened"); return }
            let id = opened.replica.id
            let unconfirmed = try await fixture.desk.takeStep(on: id, by: TestPrincipals.gridWorker, roles: [.supervisor, .gridWorker]) {
                _ throws(APIError) in .reportVerification(confirmed: false, note: "现场未发现")
            }
            #expect(unconfirmed.replica.state == .reported)
            let rejected = try await fixture.desk.takeStep(on: id, by: TestPrincipals.operatorAll, roles: [.intakeOperator, .shiftLead]) {
                _ throws(APIError) in .notFile(reason: .notFoundOnSite, note: nil)
            }
            #expect(rejected.replica.state == .notFiled)
            await #expect(throws: APIError.self) {
                _ = try await fixture.desk.takeStep(on: id, by: TestPrincipals.operatorAll, roles: [.intakeOperator]) { _ throws(APIError) in .close }
            }
        }
    }

    @Test func stepsOnRoutingsCasesAreRefusedNamingTheOwner() async throws {
        try await IntakeFixture.with { fixture in
            let filed = try await fixture.openFiledCase()
            do {
                _ = try await fixture.desk.takeStep(on: filed.replica.id, by: TestPrincipals.shiftLead, roles: [.shiftLead]) {
                    _ throws(APIError) in .close
                }
                Issue.record("expected 409")
            } catch let error as APIError {
                #expect(error.status == .conflict)
                #expect(error.code == "owned_by_routing")
                #expect(error.message.contains("routing"))
            }
        }
    }

    @Test func aReportedDisposalOpensTheCheckAndAPassedCheckClosesTheCase() async throws {
        try await IntakeFixture.with { fixture in
            let filed = try await fixture.openFiledCase()
            var routing = RoutingSide(filed, lifecycle: fixture.city.lifecycle)
            try await fixture.consume(try routing.dispose())
            let checking = try #require(try await fixture.stored(filed.replica.id))
            #expect(checking.replica.state == .checking)
            let outbox = try await fixture.outbox().map(\.type)
            #expect(outbox.last == "gridloop.case.check-assigned.v1")

            let closed = try await fixture.desk.takeStep(on: filed.replica.id, by: TestPrincipals.supervisor, roles: [.supervisor, .gridWorker]) {
                _ throws(APIError) in .passCheck(note: "已清理干净")
            }
            #expect(closed.replica.state == .closed)
            #expect(
                try await fixture.timelineTypes(of: filed.replica.id) == [
                    "gridloop.case.reported.v1", "gridloop.case.filed.v1", "gridloop.case.dispatched.v1",
                    "gridloop.case.signed-for.v1", "gridloop.case.disposal-reported.v1", "gridloop.case.check-assigned.v1",
                    "gridloop.case.check-passed.v1", "gridloop.case.closed.v1",
                ])
        }
    }

    @Test func aFailedCheckSendsTheCaseBackForRework() async throws {
        try await IntakeFixture.with { fixture in
            let filed = try await fixture.openFiledCase()
            var routing = RoutingSide(filed, lifecycle: fixture.city.lifecycle)
            try await fixture.consume(try routing.dispose())
            let rework = try await fixture.desk.takeStep(on: filed.replica.id, by: TestPrincipals.gridWorker, roles: [.supervisor, .gridWorker]) {
                _ throws(APIError) in .failCheck(reason: "仍有垃圾")
            }
            #expect(rework.replica.state == .rework)
            #expect(rework.replica.counters.reworkCount == 1)
            let last = try #require(try await fixture.outbox().last)
            #expect(last.type == "gridloop.case.check-failed.v1")
            let step = try ContractJSON.decode(CaseStepV1.self, from: Data(last.data.utf8))
            #expect(step.snapshot.leadUnit == RoutingSide.unit)
        }
    }

    @Test func aHotlineCaseClosesOnlyAfterTheCallBack() async throws {
        try await IntakeFixture.with { fixture in
            // In the sample city hotline orders are verified only when the category asks for it; E0102 does not.
            let filed = try await fixture.openFiledCase(channel: .hotline12345)
            #expect(filed.replica.state == .filed)
            let id = filed.replica.id
            var routing = RoutingSide(filed, lifecycle: fixture.city.lifecycle)
            try await fixture.consume(try routing.dispose())
            let checked = try await fixture.desk.takeStep(on: id, by: TestPrincipals.supervisor, roles: [.supervisor]) { _ throws(APIError) in
                .passCheck(note: nil)
            }
            #expect(checked.replica.state == .checked)
            let closed = try await fixture.desk.takeStep(on: id, by: TestPrincipals.hotlineAgent, roles: [.hotlineAgent, .intakeOperator]) {
                _ throws(APIError) in .recordCallback(satisfaction: .satisfied, note: "满意")
            }
            #expect(closed.replica.state == .closed)
            #expect(closed.replica.callback?.satisfaction == .satisfied)
            let rows = try await fixture.database.client.query(
                "SELECT status FROM hotline_orders WHERE case_id = \(id.rawValue)", logger: fixture.database.logger)
            var statuses: [String] = []
            for try await status in rows.decode(String.self) { statuses.append(status) }
            #expect(statuses == ["closed"])
        }
    }
}
