import Foundation
import GridDomain
import GridRuntime
import NotificationService
import PostgresNIO
import Testing
import TestSupport

/// Deadline cards that arrive after the step that ended their stage (sla-monitor issued them before it
/// had applied that step) are recorded `suppressed`, not sent; cards of stages still running are sent.
@Suite("Stale deadline cards (real PostgreSQL)")
struct StaleCardTests {
    let notifier: LifecycleNotifier

    init() throws {
        notifier = LifecycleNotifier(city: try NotificationFixtures.city(), metricsFactory: ServiceMetrics().factory)
    }

    func consume(_ events: [CloudEvent], in database: TestDatabase) async throws -> [InboxOutcome] {
        try await notifier.consume(events, in: database)
    }

    /// template → (status, last error) of the case's deliveries.
    static func statuses(of caseId: CaseID, in database: TestDatabase) async throws -> [String: (status: String, reason: String?)] {
        let page = try await DeliveryStore().list(.init(caseId: caseId.rawValue), on: database.client, logger: database.logger)
        var result: [String: (String, String?)] = [:]
        for delivery in page.deliveries { result[delivery.template] = (delivery.status, delivery.lastError) }
        return result
    }

    /// A case up to and including sign-for (sequence 6), a red sign-for card and a yellow disposal card
    /// issued as of the dispatch (sequence 5).
    static func signedForCase() throws -> (steps: [CloudEvent], signForRed: CloudEvent, disposeYellow: CloudEvent, caseId: CaseID) {
        let (published, states) = try NotificationFixtures.hotlineCase()
        #expect(states[5].lastSequence == 6 && states[5].state == .inDisposal)
        let steps = published[...5].map { $0.cloudEvent(source: ContractSource.routing) }
        let red = try NotificationFixtures.card(.red, of: states[4], stage: .signFor).cloudEvent(source: ContractSource.slaMonitor)
        let yellow = try NotificationFixtures.card(.yellow, of: states[4], stage: .dispose).cloudEvent(source: ContractSource.slaMonitor)
        return (Array(steps), red, yellow, states[0].id)
    }

    @Test("in one batch: a card after the step that ended its stage is suppressed with the reason; a card of a running stage is sent")
    func suppressesWithinABatch() async throws {
        let (steps, red, yellow, caseId) = try Self.signedForCase()
        try await NotificationDatabase.with { database in
            let outcomes = try await consume(steps + [red, yellow], in: database)
            #expect(outcomes.allSatisfy { if case .processed = $0 { true } else { false } })

            let statuses = try await Self.statuses(of: caseId, in: database)
            #expect(statuses["red-card-lead"]?.status == "suppressed")
            #expect(statuses["red-card-escalation"]?.status == "suppressed")
            #expect(statuses["red-card-lead"]?.reason?.contains("stage sign_for (签收) ended at sequence 6, after the card's sequence 5") == true)
            #expect(statuses["yellow-card-lead"]?.status == "pending", "disposal still runs after sign-for")
            #expect(statuses["dispatched-lead"]?.status == "pending")

            // The worker never sees suppressed deliveries.
            let claimed = try await DeliveryStore().claimDue(limit: 100, lease: .seconds(60), on: database.client, logger: database.logger)
            #expect(Set(claimed.map(\.template)) == ["dispatched-lead", "dispatched-co", "yellow-card-lead"])
            let suppressed = try await DeliveryStore().list(.init(status: .suppressed), on: database.client, logger: database.logger)
            #expect(suppressed.deliveries.count == 2)

            let rows = try await database.client.query(
                "SELECT last_sequence, state, stage_ends->>'sign_for' FROM case_progress WHERE case_id = \(caseId.rawValue)",
                logger: database.logger)
            var progress: [(Int, String, String?)] = []
            for try await row in rows.decode((Int, String, String?).self) { progress.append(row) }
            #expect(progress.count == 1)
            #expect(progress.first?.0 == 6)
            #expect(progress.first?.1 == "in_disposal")
            #expect(progress.first?.2 == "6")
        }
    }

    @Test("across batches: the stored progress judges a later card; a card before the step that ends its stage is sent")
    func suppressesAcrossBatches() async throws {
        let (steps, red, _, caseId) = try Self.signedForCase()
        let (otherSteps, otherRed, _, otherCaseId) = try Self.signedForCase()
        try await NotificationDatabase.with { database in
            // Case 1: every step, then (next batch) the card. Case 2: the card on the topic before sign-for.
            _ = try await consume(steps + otherSteps.dropLast(), in: database)
            _ = try await consume([red, otherRed], in: database)
            _ = try await consume([otherSteps.last!], in: database)

            let stale = try await Self.statuses(of: caseId, in: database)
            #expect(stale["red-card-lead"]?.status == "suppressed")
            #expect(stale["red-card-escalation"]?.status == "suppressed")
            let current = try await Self.statuses(of: otherCaseId, in: database)
            #expect(current["red-card-lead"]?.status == "pending")
            #expect(current["red-card-escalation"]?.status == "pending")
        }
    }

    @Test("replays stay idempotent: redelivered and republished events add nothing and change no status")
    func replaysAreIdempotent() async throws {
        let (steps, red, yellow, caseId) = try Self.signedForCase()
        let events = steps + [red, yellow]
        try await NotificationDatabase.with { database in
            _ = try await consume(events, in: database)
            let before = try await DeliveryStore().list(.init(caseId: caseId.rawValue), on: database.client, logger: database.logger)

            let redelivered = try await consume(events, in: database)
            #expect(redelivered.allSatisfy { if case .duplicate = $0 { true } else { false } })
            // Republished under new ids, and the cards alone again (a replay of sla-monitor's outbox).
            let republished = events.map { event -> CloudEvent in
                var copy = event
                copy.id = UUID().uuidString
                return copy
            }
            _ = try await consume(republished, in: database)
            _ = try await consume([red, yellow].map { event -> CloudEvent in
                var copy = event
                copy.id = UUID().uuidString
                return copy
            }, in: database)

            let after = try await DeliveryStore().list(.init(caseId: caseId.rawValue), on: database.client, logger: database.logger)
            #expect(Set(after.deliveries.map(\.id)) == Set(before.deliveries.map(\.id)))
            #expect(Dictionary(uniqueKeysWithValues: after.deliveries.map { ($0.id, $0.status) })
                == Dictionary(uniqueKeysWithValues: before.deliveries.map { ($0.id, $0.status) }))
            let statuses = try await Self.statuses(of: caseId, in: database)
            #expect(statuses["red-card-lead"]?.status == "suppressed")
            #expect(statuses["yellow-card-lead"]?.status == "pending")
        }
    }
}
