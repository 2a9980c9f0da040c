import Foundation
import GridDomain
import GridRuntime
import Metrics
import NotificationService
import PostgresNIO
import Testing
import TestSupport

@Suite("Lifecycle notifier")
struct LifecycleNotifierTests {
    let notifier: LifecycleNotifier

    init() throws {
        notifier = LifecycleNotifier(city: try NotificationFixtures.city(), metricsFactory: ServiceMetrics().factory)
    }

    /// Processes events through the inbox a batch at a time, as the service's consumer does.
    func consume(_ events: [CloudEvent], in database: TestDatabase) async throws -> [InboxOutcome] {
        try await notifier.consume(events, in: database)
    }

    @Test("a hotline case's whole timeline records the dispatch and the close notices, once, whatever is redelivered")
    func wholeCase() async throws {
        let (published, states) = try NotificationFixtures.hotlineCase()
        let caseId = states[0].id.rawValue
        let yellow = try NotificationFixtures.card(.yellow, of: states[4])
        let red = try NotificationFixtures.card(.red, of: states[4])
        try await NotificationDatabase.with { database in
            let steps: [CloudEvent] = published.map { $0.cloudEvent(source: ContractSource.intake) }
            let cards: [CloudEvent] = [yellow, red].map { $0.cloudEvent(source: ContractSource.slaMonitor) }
            // The sign-for cards where the topic has them: after the dispatch, before the sign-for that ends the stage.
            let events = Array(steps[...4]) + cards + Array(steps[5...])
            let outcomes = try await consume(events, in: database)
            #expect(outcomes.allSatisfy { if case .processed = $0 { true } else { false } })
            let rows = try await NotificationDatabase.deliveries(of: caseId, on: database.client, logger: database.logger)
            let expectedRecipients: Set<String> = ["unit:S339901001-SANITATION", "unit:S339901001-ENFORCE", "reporter:12345", "centre:339901"]
            #expect(Set(rows.keys) == expectedRecipients)
            let page = try await DeliveryStore().list(.init(caseId: caseId), on: database.client, logger: database.logger)
            #expect(page.deliveries.count == 6)  // lead: dispatch, yellow, red; co-unit; reporter; centre
            let expectedTemplates: Set<String> = [
                "dispatched-lead", "dispatched-co", "yellow-card-lead", "red-card-lead", "red-card-escalation", "closed-reporter",
            ]
            #expect(Set(page.deliveries.map(\.template)) == expectedTemplates)
            let close = try #require(page.deliveries.first { $0.template == "closed-reporter" })
            #expect(close.body.contains("138****5678"))
            #expect(page.deliveries.allSatisfy { !$0.body.contains("13812345678") && !$0.title.contains("13812345678") })

            // The same messages again (a redelivery after a crash before the commit of the offset): nothing new.
            let again = try await consume(events, in: database)
            #expect(again.allSatisfy { if case .duplicate = $0 { true } else { false } })
            // The same events republished under new CloudEvents ids (a producer re-emitting): still nothing new.
            let republished = events.map { event -> CloudEvent in
                var copy = event
                copy.id = UUID().uuidString
                return copy
            }
            let third = try await consume(republished, in: database)
            #expect(third.allSatisfy { if case .processed = $0 { true } else { false } })
            let after = try await DeliveryStore().list(.init(caseId: caseId), on: database.client, logger: database.logger)
            let idsAfter = Set(after.deliveries.map(\.id))
            let idsBefore = Set(page.deliveries.map(\.id))
            #expect(idsAfter == idsBefore)
        }
    }

    @Test("a confidential caller is told without a phone; a reporter without phone or account is not recorded; records end at close")
    func reporters() async throws {
        let (confidential, confidentialStates) = try NotificationFixtures.hotlineCase(
            report: try NotificationFixtures.hotlineReport(confidential: true))
        let (anonymous, anonymousStates) = try NotificationFixtures.hotlineCase(
            report: try NotificationFixtures.anonymousCitizenReport(), opener: CaseActor(role: .citizen, id: "c-1"))
        try await NotificationDatabase.with { database in
            func reporterRows() async throws -> Int {
                let rows = try await database.client.query("SELECT count(*) FROM case_reporters", logger: database.logger)
                var count = 0
                for try await value in rows.decode(Int.self) { count = value }
                return count
            }
            let allButClose = (confidential.dropLast() + anonymous.dropLast()).map { $0.cloudEvent() }
            _ = try await consume(allButClose, in: database)
            // Only the confidential caller (hotline, phone given) can be told; the anonymous citizen cannot.
            #expect(try await reporterRows() == 1)
            _ = try await consume([confidential.last!, anonymous.last!].map { $0.cloudEvent() }, in: database)
            #expect(try await reporterRows() == 0)  // taken at close
            let told = try await DeliveryStore().list(
                .init(caseId: confidentialStates[0].id.rawValue, recipient: "reporter:12345"), on: database.client, logger: database.logger)
            #expect(told.deliveries.count == 1)
            #expect(told.deliveries[0].body.hasPrefix("尊敬的市民（（保密））"))
            let untold = try await DeliveryStore().list(
                .init(caseId: anonymousStates[0].id.rawValue, recipient: "reporter:citizen_app"), on: database.client, logger: database.logger)
            #expect(untold.deliveries.isEmpty)
        }
    }

    @Test("undecodable data of a handled type are rejected; unknown types and unused steps are skipped unparsed")
    func rejections() async throws {
        let caseId = CaseID()
        let broken = CloudEvent(
            id: "bad-1", source: ContractSource.routing, type: ContractEventType.caseStep(.dispatch), subject: caseId.description,
            data: Array(#"{"caseId":"not-a-uuid"}"#.utf8))
        let garbageOfUnusedType = CloudEvent(
            id: "skip-1", source: ContractSource.routing, type: ContractEventType.caseStep(.signFor), data: Array("{".utf8))
        let unknown = CloudEvent(id: "skip-2", source: ContractSource.routing, type: "gridloop.case.teleported.v1", data: Array("{".utf8))
        try await NotificationDatabase.with { database in
            let outcomes = try await consume([broken, garbageOfUnusedType, unknown], in: database)
            guard case .rejected(let error) = outcomes[0] else {
                Issue.record("the broken event was not rejected: \(outcomes[0])")
                return
            }
            let rejection = try #require(error as? EventRejection)
            #expect(rejection.reason == .invalidPayload)
            #expect(rejection.message.contains("gridloop.case.dispatched.v1 data"))
            #expect(outcomes[1...].allSatisfy { if case .processed = $0 { true } else { false } })
            #expect(try await DeliveryStore().list(.init(), on: database.client, logger: database.logger).deliveries.isEmpty)
        }
    }
}
