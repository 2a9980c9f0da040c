import Foundation
import GridDomain
import GridRuntime
import NotificationService
import PostgresNIO
import Testing
import TestSupport

@Suite("Delivery store")
struct DeliveryStoreTests {
    let store = DeliveryStore()

    /// The planned deliveries of the sample hotline case's dispatch (lead + co-unit).
    static func dispatchDeliveries() throws -> (caseId: CaseID, planned: [PlannedDelivery]) {
        let (events, states) = try NotificationFixtures.hotlineCase()
        let planner = NotificationPlanner(city: try NotificationFixtures.city())
        let event = try NotificationFixtures.notifiable(events[4])
        return (states[0].id, planner.plan(event, eventId: events[4].id, eventType: events[4].type, reporter: nil))
    }

    @Test("recording the same event twice adds nothing the second time, even under new ids and message ids")
    func neverTwice() async throws {
        let (caseId, planned) = try Self.dispatchDeliveries()
        try await NotificationDatabase.with { database in
            let first = try await database.client.withConnection { try await store.record(planned, on: $0, logger: database.logger) }
            #expect(first == 2)
            var again = planned
            for index in again.indices {
                again[index].id = UUID()
                again[index].eventId = UUID().uuidString
            }
            let second = try await database.client.withConnection { try await store.record(again, on: $0, logger: database.logger) }
            #expect(second == 0)
            let rows = try await NotificationDatabase.deliveries(of: caseId.rawValue, on: database.client, logger: database.logger)
            #expect(rows.count == 2)
            #expect(rows.values.allSatisfy { $0.status == "pending" && $0.attempts == 0 })
        }
    }

    @Test("an undeliverable delivery is recorded failed with its reason and never claimed")
    func undeliverable() async throws {
        var (caseId, planned) = try Self.dispatchDeliveries()
        planned[1].channel = .none
        planned[1].address = ""
        planned[1].undeliverableReason = "no contact for unit:X"
        try await NotificationDatabase.with { database in
            try await database.client.withConnection { _ = try await store.record(planned, on: $0, logger: database.logger) }
            let rows = try await NotificationDatabase.deliveries(of: caseId.rawValue, on: database.client, logger: database.logger)
            #expect(rows[planned[1].recipient.text]?.status == "failed")
            #expect(rows[planned[1].recipient.text]?.lastError == "no contact for unit:X")
            let claimed = try await store.claimDue(limit: 10, lease: .seconds(60), on: database.client, logger: database.logger)
            #expect(claimed.map(\.recipient) == [planned[0].recipient.text])
        }
    }

    @Test("concurrent claims never hand out the same delivery; an expired lease is reclaimed and the old claim's outcome ignored")
    func claims() async throws {
        let planner = NotificationPlanner(city: try NotificationFixtures.city())
        var planned: [PlannedDelivery] = []
        for _ in 0..<40 {
            let (events, _) = try NotificationFixtures.hotlineCase()
            planned += planner.plan(try NotificationFixtures.notifiable(events[4]), eventId: events[4].id, eventType: events[4].type, reporter: nil)
        }
        try await NotificationDatabase.with { database in
            try await database.client.withConnection { _ = try await store.record(planned, on: $0, logger: database.logger) }
            let claimedSets = try await database.withClient { other in
                try await withThrowingTaskGroup(of: [UUID].self) { group in
                    for client in [database.client, other, database.client, other] {
                        group.addTask {
                            var ids: [UUID] = []
                            while true {
                                let batch = try await store.claimDue(limit: 7, lease: .seconds(60), on: client, logger: database.logger)
                                if batch.isEmpty { return ids }
                                ids += batch.map(\.id)
                            }
                        }
                    }
                    return try await group.reduce(into: [[UUID]]()) { $0.append($1) }
                }
            }
            let all = claimedSets.flatMap { $0 }
            #expect(all.count == 80)
            #expect(Set(all) == Set(planned.map(\.id)))

            // Every lease "expires": the next claim takes them again as attempt 2.
            try await NotificationDatabase.makeDue(on: database.client, logger: database.logger)
            let reclaimed = try await store.claimDue(limit: 100, lease: .seconds(60), on: database.client, logger: database.logger)
            #expect(reclaimed.count == 80)
            #expect(reclaimed.allSatisfy { $0.attempt == 2 })
            let target = reclaimed[0]
            let stale = try await store.complete(
                [.init(id: target.id, attempt: 1, outcome: .failed, error: "late")], on: database.client, logger: database.logger)
            #expect(stale == 0)
            let current = try await store.complete(
                [.init(id: target.id, attempt: 2, outcome: .sent)], on: database.client, logger: database.logger)
            #expect(current == 1)
        }
    }

    @Test("completions record sent, retry with its delay, and failed")
    func completions() async throws {
        let (caseId, planned) = try Self.dispatchDeliveries()
        try await NotificationDatabase.with { database in
            try await database.client.withConnection { _ = try await store.record(planned, on: $0, logger: database.logger) }
            let claimed = try await store.claimDue(limit: 10, lease: .seconds(60), on: database.client, logger: database.logger)
            #expect(claimed.count == 2)
            let byRecipient = Dictionary(uniqueKeysWithValues: claimed.map { ($0.recipient, $0) })
            let lead = try #require(byRecipient[planned[0].recipient.text])
            let co = try #require(byRecipient[planned[1].recipient.text])
            try await store.complete(
                [
                    .init(id: lead.id, attempt: 1, outcome: .retry, error: "HTTP 503", retryAfter: .seconds(3600)),
                    .init(id: co.id, attempt: 1, outcome: .sent),
                ], on: database.client, logger: database.logger)
            let rows = try await NotificationDatabase.deliveries(of: caseId.rawValue, on: database.client, logger: database.logger)
            #expect(rows[lead.recipient]?.status == "pending")
            #expect(rows[lead.recipient]?.lastError == "HTTP 503")
            #expect(rows[co.recipient]?.status == "sent")
            // Not due for an hour: nothing to claim.
            #expect(try await store.claimDue(limit: 10, lease: .seconds(60), on: database.client, logger: database.logger).isEmpty)
            let page = try await store.list(.init(caseId: caseId.rawValue), on: database.client, logger: database.logger)
            let leadRecord = try #require(page.deliveries.first { $0.recipient == lead.recipient })
            #expect(leadRecord.nextAttemptAt.map { $0 > Date().addingTimeInterval(3000) } == true)
            let coRecord = try #require(page.deliveries.first { $0.recipient == co.recipient })
            #expect(coRecord.sentAt != nil)
            #expect(coRecord.attempts == 1)
        }
    }

    @Test("listing filters by case, status and recipient, pages with a cursor, and hides other places")
    func listing() async throws {
        let planner = NotificationPlanner(city: try NotificationFixtures.city())
        try await NotificationDatabase.with { database in
            var caseIds: [UUID] = []
            for _ in 0..<5 {
                let (events, states) = try NotificationFixtures.hotlineCase()
                caseIds.append(states[0].id.rawValue)
                let planned = planner.plan(
                    try NotificationFixtures.notifiable(events[4]), eventId: events[4].id, eventType: events[4].type, reporter: nil)
                try await database.client.withConnection { _ = try await store.record(planned, on: $0, logger: database.logger) }
            }
            let (_, states) = try NotificationFixtures.hotlineCase()
            let unplaced = planner.plan(
                try NotificationFixtures.notifiable(try NotificationFixtures.manualDispatch(of: states[3], placement: .unknown)),
                eventId: "m", eventType: ContractEventType.manualDispatchRequired, reporter: nil)
            try await database.client.withConnection { _ = try await store.record(unplaced, on: $0, logger: database.logger) }

            let all = try await store.list(.init(limit: 100), on: database.client, logger: database.logger)
            #expect(all.deliveries.count == 11)
            #expect(all.nextCursor == nil)
            let ofCase = try await store.list(.init(caseId: caseIds[2]), on: database.client, logger: database.logger)
            #expect(ofCase.deliveries.count == 2)
            #expect(ofCase.deliveries.allSatisfy { $0.caseId.rawValue == caseIds[2] })
            let toCo = try await store.list(.init(recipient: "unit:S339901001-ENFORCE"), on: database.client, logger: database.logger)
            #expect(toCo.deliveries.count == 5)
            #expect(try await store.list(.init(status: .sent), on: database.client, logger: database.logger).deliveries.isEmpty)

            var seen: [UUID] = []
            var cursor: DeliveryCursor?
            repeat {
                let page = try await store.list(.init(cursor: cursor, limit: 4), on: database.client, logger: database.logger)
                seen += page.deliveries.map(\.id)
                cursor = page.nextCursor
            } while cursor != nil
            #expect(seen == all.deliveries.map(\.id))

            let district = try await store.list(.init(visibility: .within(["339901"])), on: database.client, logger: database.logger)
            #expect(district.deliveries.count == 10)
            let otherDistrict = try await store.list(.init(visibility: .within(["339902"])), on: database.client, logger: database.logger)
            #expect(otherDistrict.deliveries.isEmpty)
        }
    }
}
