import Foundation
import GridDomain
import GridKafka
import GridRuntime
@testable import SLAMonitorService
import Testing

/// The sla-monitor as it runs (`SLAMonitor(resources:)`) on a real Tansu broker and PostgreSQL with the
/// short test policy: lifecycle events in → clocks and a red card out through the relay; redeliveries and
/// replays change nothing; poison records go to `gridloop.case.lifecycle.dlt`.
@Suite("Lifecycle consumer through a real broker", .serialized)
struct LifecycleConsumerTests {
    /// A case reported `secondsAgo` seconds ago, filed a second later and dispatched a second after that,
    /// so its `sign_for` clock (20 natural seconds) is already past due when the monitor sees it.
    static func dispatchedCase(secondsAgo: TimeInterval) throws -> Timeline {
        let reported = Date().addingTimeInterval(-secondsAgo)
        var timeline = try Timeline(at: reported)
        try timeline.step(.file(category: nil, urgency: nil), by: SLAFixtures.intake, at: reported.addingTimeInterval(1))
        try timeline.step(.dispatch(lead: SLAFixtures.streetUnit, coUnits: []), by: SLAFixtures.dispatcher, at: reported.addingTimeInterval(2))
        return timeline
    }

    @Test("events in → stage clocks, and a red card published once; redelivered and replayed events change nothing")
    func endToEnd() async throws {
        try await SLAStack.with { stack in
            let timeline = try Self.dispatchedCase(secondsAgo: 30)
            let caseID = timeline.caseID
            let ids = timeline.published.map { _ in UUID().uuidString }
            try await stack.publish(timeline.published, ids: ids)

            try await stack.waitUntil("the sign_for red card is issued") {
                try await stack.db.rows(of: caseID).contains { $0.stage == "sign_for" && $0.redIssuedAt != nil }
            }
            let redCards = try await stack.read(SLAStack.lifecycle) { records in
                records.contains { $0.card?.caseId == caseID && $0.card?.card == .red }
            }.filter { $0.card?.caseId == caseID && $0.card?.card == .red }
            let red = try #require(redCards.first?.card)
            #expect(redCards.count == 1)
            #expect(red.stage == .signFor)
            #expect(red.limit == TimeLimitV1(.naturalSeconds(20)))
            // Clocks count whole seconds from the second the stage started in (WorkingCalendar arithmetic).
            let dispatchedSecond = timeline.last.occurredAt.timeIntervalSince1970.rounded(.down)
            #expect(red.dueAt == Date(timeIntervalSince1970: dispatchedSecond + 20))
            #expect(red.asOfSequence == 3)
            #expect(red.escalation.target == .supervising)
            #expect(red.escalation.level == .district)
            #expect(redCards.first.map { String(decoding: $0.key ?? [], as: UTF8.self) } == caseID.description)
            #expect(redCards.first?.cloudEvent?.source == ContractSource.slaMonitor)

            let before = try await stack.db.rows(of: caseID)
            #expect(try await stack.db.lastSequence(of: caseID) == 3)
            #expect(before.filter { $0.status == "running" }.map(\.stage).sorted() == ["dispose", "sign_for"])
            #expect(Set(before.filter { $0.status == "stopped" }.map(\.stage)).isSuperset(of: ["accept", "dispatch"]))

            // The same events again: once as a relay would republish them (same ids: the inbox drops
            // them), once as a replay (new ids: at or below the case's last sequence, so stale). Then a
            // sentinel case, consumed after them on the one partition.
            try await stack.publish(timeline.published, ids: ids)
            try await stack.publish(timeline.published)
            let sentinel = try Timeline(at: Date())
            try await stack.publish(sentinel.published)
            try await stack.waitUntil("the sentinel case is applied") {
                try await stack.db.lastSequence(of: sentinel.caseID) == 1
            }

            let after = try await stack.db.rows(of: caseID)
            #expect(after.map(\.stage) == before.map(\.stage))
            #expect(after.map(\.run) == before.map(\.run))
            #expect(after.map(\.status) == before.map(\.status))
            #expect(after.map(\.dueAt) == before.map(\.dueAt))
            #expect(after.first { $0.stage == "sign_for" }?.redIssuedAt == before.first { $0.stage == "sign_for" }?.redIssuedAt)
            #expect(try await stack.db.lastSequence(of: caseID) == 3)
            // The first three, the replay's three and the sentinel (the monitor's own cards come back too,
            // recorded under its source).
            let inbox = try await stack.db.inboxCount(source: ContractSource.intake)
            #expect(inbox == 3 + 3 + 1)

            // Everything on the topic up to the sentinel: still one red card per (stage, run), no card twice.
            let records = try await stack.read(SLAStack.lifecycle) { records in
                records.contains { $0.cloudEvent?.subject == sentinel.caseID.description }
            }
            let cards = records.compactMap(\.card).filter { $0.caseId == caseID }
            let keys = cards.map { "\($0.stage.rawValue) \($0.stageStartedAt.timeIntervalSince1970) \($0.card)" }
            #expect(Set(keys).count == keys.count)
            #expect(cards.filter { $0.card == .red && $0.stage == .signFor }.count == 1)
        }
    }

    @Test("poison records are dead-lettered with the reason; the consumer goes on")
    func poisonIsDeadLettered() async throws {
        try await SLAStack.with { stack in
            let poisoned = CaseID()
            let badStep = CloudEvent(
                id: UUID().uuidString, source: ContractSource.routing, type: "gridloop.case.filed.v1", subject: poisoned.description,
                time: Date(), dataContentType: CloudEvent.jsonContentType, data: Array(#"{"caseId":"not a case"}"#.utf8))
            try await stack.send(KafkaProducerMessage(badStep.kafkaMessage(topic: SLAStack.lifecycle)))
            try await stack.send(
                KafkaProducerMessage(topic: SLAStack.lifecycle, key: Array("no-envelope".utf8), value: Array(#"{"hello":1}"#.utf8)))
            let healthy = try Timeline(at: Date())
            try await stack.publish(healthy.published)

            try await stack.waitUntil("the healthy case after the poison is applied") {
                try await stack.db.lastSequence(of: healthy.caseID) == 1
            }
            #expect(try await stack.db.lastSequence(of: poisoned) == nil)
            let dead = try await stack.read(SLAStack.deadLetters) { $0.count >= 2 }
            #expect(dead.count == 2)
            let step = try #require(dead.first { $0.key == Array(poisoned.description.utf8) })
            #expect(step.header(DeadLetter.Header.consumer) == SLAMonitor.name)
            #expect(step.header(DeadLetter.Header.originalTopic) == SLAStack.lifecycle)
            #expect(step.header(DeadLetter.Header.errorType)?.contains("EventRejection") == true)
            #expect(step.header(DeadLetter.Header.errorMessage)?.contains("invalid payload") == true)
            #expect(step.header(DeadLetter.Header.errorMessage)?.contains("gridloop.case.filed.v1") == true)
            #expect(step.value == Array(#"{"caseId":"not a case"}"#.utf8))
            let raw = try #require(dead.first { $0.key == Array("no-envelope".utf8) })
            #expect(raw.header(DeadLetter.Header.errorType)?.contains("CloudEventError") == true)
        }
    }

    @Test("an event whose deadline the calendar cannot compute is dead-lettered, not retried forever")
    func calendarGapIsDeadLettered() async throws {
        try await SLADatabase.with { db in
            // The sample city's real policy (working time) with a calendar that ends in 2026.
            let consumer = LifecycleConsumer(
                applier: LifecycleApplier(
                    book: ClockBook(reference: SLAFixtures.reference), store: CaseClockStore(channel: db.channel),
                    metrics: SLAFixtures.metrics, wakeHorizon: .seconds(1), logger: db.logger),
                now: { Date() })
            let late = try Timeline(at: SLAFixtures.at("2031-03-03 09:00"))
            let good = try Timeline(at: SLAFixtures.at("2025-03-03 09:00"))
            let inbox = Inbox(outbox: db.outbox, client: db.client, configuration: .init(consumerName: SLAMonitor.name), logger: db.logger)
            let events = (good.published + late.published).enumerated().map { index, published in
                let event = CloudEvent(
                    id: "e-\(index)", source: ContractSource.intake, type: published.type, subject: published.input.caseID.description,
                    time: published.input.occurredAt, dataContentType: CloudEvent.jsonContentType, data: Array(published.data))
                return ConsumedEvent(
                    message: IncomingMessage(topic: SLAStack.lifecycle, partition: 0, offset: Int64(index), key: nil, headers: [], value: nil),
                    event: event, inboxKey: InboxKey(event: event))
            }
            let outcomes = try await inbox.processBatch(events) { batch, transaction in
                try await consumer.handle(batch, in: transaction)
            }
            #expect(outcomes.count == 2)
            guard case .processed = outcomes[0] else { Issue.record("the covered case was not applied: \(outcomes[0])"); return }
            guard case .rejected(let error) = outcomes[1] else { Issue.record("the uncovered case was not rejected: \(outcomes[1])"); return }
            #expect((error as? ClockUpdateError)?.code == .calendar)
            #expect(try await db.lastSequence(of: good.caseID) == 1)
            #expect(try await db.lastSequence(of: late.caseID) == nil)
        }
    }
}
