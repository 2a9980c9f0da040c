import Foundation
import GridDomain
import GridRuntime
import PostgresNIO
import TestSupport
import Testing

@testable import IntakeService

@Suite("Opening reports")
struct ReportOpeningTests {
    /// A supervisor's report in grid 339901001001001 (a 暴露垃圾, E0102).
    static func supervisorReport(_ fixture: IntakeFixture, category: String? = "E0102") throws -> NewReport {
        NewReport(
            report: try CaseReport(
                channel: .supervisor, reporter: Reporter(accountID: "sup-001"), reportedAt: Timestamps.now(),
                location: CaseLocation(point: fixture.interiorPoint(of: "339901001001001"), address: "春桥村村委会东侧"),
                category: category.map { try CategoryCode($0) }, details: "路口垃圾堆积"),
            actor: CaseActor(role: .supervisor, id: "sup-001"))
    }

    static func open(_ fixture: IntakeFixture, _ reports: [NewReport]) async throws -> [ReportOutcome] {
        try await fixture.desk.outbox.withTransaction(on: fixture.database.client, logger: fixture.database.logger) { transaction in
            try await fixture.desk.open(reports, in: transaction, at: Timestamps.now())
        }
    }

    @Test func aSupervisorsReportIsFiledAtOnceBySystemInOneTransaction() async throws {
        try await IntakeFixture.with { fixture in
            let outcomes = try await Self.open(fixture, [try Self.supervisorReport(fixture)])
            guard case .opened(let stored) = outcomes[0] else { Issue.record("not opened: \(outcomes[0])"); return }
            #expect(stored.replica.state == .filed)
            #expect(stored.placement.grid?.digits == "339901001001001")
            #expect(stored.replica.number.rawValue.hasPrefix("339901-"))
            #expect(stored.replica.number.rawValue.wholeMatch(of: /339901-20\d{6}-\d{6,}/) != nil)

            let outbox = try await fixture.outbox()
            #expect(outbox.map(\.type) == ["gridloop.case.reported.v1", "gridloop.case.filed.v1"])
            #expect(outbox.allSatisfy { $0.key == stored.replica.id.description })
            let filed = try ContractJSON.decode(CaseStepV1.self, from: Data(outbox[1].data.utf8))
            #expect(filed.actor.role == .system)
            #expect(filed.sequence == 2)
            #expect(filed.snapshot.placement.grid?.digits == "339901001001001")
            #expect(try await fixture.timelineTypes(of: stored.replica.id) == outbox.map(\.type))
            let reloaded = try await fixture.stored(stored.replica.id)
            #expect(reloaded == stored)
        }
    }

    @Test func pathsDependOnChannelCategoryAndSelfDisposal() async throws {
        try await IntakeFixture.with { fixture in
            let point = try fixture.interiorPoint(of: "339901001001002")
            func report(_ channel: CaseChannel, category: String?, account: String) throws -> CaseReport {
                try CaseReport(
                    channel: channel, reporter: Reporter(phone: .phone("13912345678"), accountID: account), reportedAt: Timestamps.now(),
                    location: CaseLocation(point: point), category: category.map { try CategoryCode($0) }, details: "问题")
            }
            let reports = [
                NewReport(report: try report(.citizenApp, category: "E0102", account: "cit-001"), actor: CaseActor(role: .citizen, id: "cit-001")),
                NewReport(report: try report(.supervisor, category: nil, account: "sup-001"), actor: CaseActor(role: .supervisor, id: "sup-001")),
                NewReport(
                    report: try report(.gridWorker, category: "E0102", account: "gw-001"), actor: CaseActor(role: .gridWorker, id: "gw-001"),
                    selfDisposal: SelfDisposal(note: "已清理", attachments: [URL(string: "https://media.example/after.jpg")!])),
            ]
            let outcomes = try await Self.open(fixture, reports)
            let states = outcomes.map { outcome -> CaseState? in
                if case .opened(let stored) = outcome { return stored.replica.state }
                return nil
            }
            #expect(states == [.verifying, .reported, .closed])
            let types = try await fixture.outbox().map(\.type)
            #expect(
                types == [
                    "gridloop.case.reported.v1", "gridloop.case.verification-requested.v1",
                    "gridloop.case.reported.v1",
                    "gridloop.case.reported.v1", "gridloop.case.self-disposed.v1",
                ])
        }
    }

    @Test func aPointOutsideTheCityIsRefusedAndNothingIsWritten() async throws {
        try await IntakeFixture.with { fixture in
            let report = try CaseReport(
                channel: .supervisor, reporter: Reporter(accountID: "sup-001"), reportedAt: Timestamps.now(),
                location: CaseLocation(point: CaseLocation.Point(longitude: 120.5, latitude: 30.5)), category: CategoryCode("E0102"),
                details: "城外")
            let outcomes = try await Self.open(
                fixture, [NewReport(report: report, actor: CaseActor(role: .supervisor, id: "sup-001")), try Self.supervisorReport(fixture)])
            guard case .refused(let error as LocationError) = outcomes[0] else { Issue.record("expected a refusal"); return }
            #expect(error.code == .outsideCity)
            guard case .opened = outcomes[1] else { Issue.record("the good report must still open"); return }
            let rows = try await fixture.database.client.query("SELECT count(*) FROM cases", logger: fixture.database.logger)
            for try await count in rows.decode(Int.self) { #expect(count == 1) }
            #expect(try await fixture.outbox().count == 2)
        }
    }

    @Test func clearPersonalDataStaysInTheReportersTable() async throws {
        try await IntakeFixture.with { fixture in
            let report = try CaseReport(
                channel: .citizenApp, reporter: Reporter(name: .name("李四"), phone: .phone("13912345678"), accountID: "cit-001"),
                reportedAt: Timestamps.now(),
                location: CaseLocation(point: fixture.interiorPoint(of: "339901001001003"), address: "滨江路8号 电话13912345678"),
                category: CategoryCode("E0102"), details: "垃圾没人收，联系我13912345678")
            let outcomes = try await Self.open(fixture, [NewReport(report: report, actor: CaseActor(role: .citizen, id: "cit-001"))])
            guard case .opened(let stored) = outcomes[0] else { Issue.record("not opened"); return }
            for row in try await fixture.outbox() {
                #expect(!row.data.contains("13912345678"))
                #expect(!row.data.contains("李四"))
            }
            #expect(try stored.replicaJSON().contains("13912345678") == false)
            let record = try await fixture.database.client.withConnection { connection in
                try await ReporterStore().find(stored.replica.id, on: connection, logger: fixture.database.logger)
            }
            #expect(record?.phone == "13912345678")
            #expect(record?.name == "李四")
            #expect(record?.details == "垃圾没人收，联系我13912345678")
        }
    }
}
