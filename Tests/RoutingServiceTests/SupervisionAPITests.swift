import Foundation
import GridDomain
import GridRuntime
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RoutingService
import Testing
import TestSupport

/// Red cards from the SLA monitor on the command centre's supervision list, against a real PostgreSQL.
@Suite struct SupervisionAPITests {
    @Test func aRedCardStaysOnTheListUntilTheCaseMoves() async throws {
        try await RoutingHarness.with { harness, client in
            var intake = try IntakeCase()
            try intake.file()
            try await harness.feed(intake.events)
            guard case .step(let dispatched) = try await harness.published().first else { throw TestFailure("no dispatch") }
            let card = DeadlineCardV1(
                caseId: intake.id, card: .red, stage: .signFor, stageStartedAt: dispatched.occurredAt,
                dueAt: dispatched.occurredAt.addingTimeInterval(7200), limit: TimeLimitV1(amount: 2, unit: .workingHours),
                extensions: [], escalation: EscalationTargetV1(target: .supervising, level: .street),
                issuedAt: dispatched.occurredAt.addingTimeInterval(7201), asOfSequence: dispatched.sequence,
                snapshot: dispatched.snapshot)
            let stranger = DeadlineCardV1(
                caseId: CaseID(), card: .red, stage: .dispose, stageStartedAt: card.stageStartedAt, dueAt: card.dueAt,
                limit: card.limit, extensions: [], escalation: card.escalation, issuedAt: card.issuedAt, asOfSequence: 5,
                snapshot: card.snapshot)
            try await harness.feed([.redCard(card), .redCard(card), .redCard(stranger)])

            let shiftLead = RoutingHarness.headers(try await RoutingHarness.token(roles: ["shift_lead"], places: ["339901"]))
            let elsewhere = RoutingHarness.headers(try await RoutingHarness.token(roles: ["dispatcher"], places: ["339902"]))
            let unit = RoutingHarness.headers(try await RoutingHarness.token(roles: ["disposal_unit"], units: ["M339901001001"]))
            let list = try await client.execute(uri: "/v1/supervision", method: .get, headers: shiftLead).json(SupervisionListView.self)
            #expect(list.cards.map(\.caseId) == [intake.id])
            #expect(list.cards.first?.stage == .signFor && list.cards.first?.leadUnit == UnitID("M339901001001"))
            #expect(list.cards.first?.escalation == EscalationTargetV1(target: .supervising, level: .street))
            #expect(try await client.execute(uri: "/v1/supervision", method: .get, headers: elsewhere).json(SupervisionListView.self).cards.isEmpty)
            #expect(try await client.execute(uri: "/v1/supervision", method: .get, headers: unit).status == .forbidden)

            try await expectOK(client, "/v1/tasks/\(intake.id)/sign-for", unit, nil)
            #expect(try await client.execute(uri: "/v1/supervision", method: .get, headers: shiftLead).json(SupervisionListView.self).cards.isEmpty)
        }
    }
}
