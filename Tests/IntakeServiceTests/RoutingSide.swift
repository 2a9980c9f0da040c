import Foundation
import GridDomain
import GridRuntime
import PostgresNIO
import TestSupport

@testable import IntakeService

/// Plays the routing service's part for tests: takes routing-owned steps on a copy of a replica with
/// the same lifecycle and publishes them as lifecycle-topic messages, as routing would.
struct RoutingSide {
    var replica: Case
    let placement: CasePlacementV1
    let lifecycle: CaseLifecycle
    static let unit = UnitID("D339901-SANITATION")

    init(_ stored: StoredCase, lifecycle: CaseLifecycle) {
        self.replica = stored.replica
        self.placement = stored.placement
        self.lifecycle = lifecycle
    }

    /// Takes a step and returns the message routing would publish.
    mutating func step(_ action: CaseAction, by actor: CaseActor, after seconds: TimeInterval = 1) throws -> LifecycleMessage {
        let event = try lifecycle.apply(action, to: &replica, by: actor, at: Timestamps.stable(replica.updatedAt + seconds))
        let data = try CaseStepV1(event: event, case: replica, placement: placement)
        let json = try ContractJSON.encode(data)
        return LifecycleMessage(
            source: ContractSource.routing, id: UUID().uuidString.lowercased(), type: data.type,
            event: try LifecycleTopicEventV1.decode(type: data.type, data: json), data: String(decoding: json, as: UTF8.self))
    }

    /// dispatch → sign for → report disposal.
    mutating func dispose() throws -> [LifecycleMessage] {
        let unitActor = CaseActor(role: .disposalUnit, id: "du-1", unit: Self.unit)
        return [
            try step(.dispatch(lead: Self.unit, coUnits: []), by: .system("routing")),
            try step(.signFor, by: unitActor),
            try step(.reportDisposal(note: "已清运", attachments: [URL(string: "https://media.example/done.jpg")!]), by: unitActor),
        ]
    }

    /// A red card for the case, as sla-monitor would publish it.
    func redCard() throws -> LifecycleMessage {
        let card = DeadlineCardV1(
            caseId: replica.id, card: .red, stage: .dispose, stageStartedAt: replica.updatedAt, dueAt: replica.updatedAt + 3_600,
            limit: TimeLimitV1(amount: 4, unit: .workingHours), extensions: [], escalation: EscalationTargetV1(target: .supervising),
            issuedAt: replica.updatedAt + 7_200, asOfSequence: replica.lastSequence,
            snapshot: CaseSnapshotV1(case: replica, placement: placement))
        let json = try ContractJSON.encode(card)
        return LifecycleMessage(
            source: ContractSource.slaMonitor, id: UUID().uuidString.lowercased(), type: card.type,
            event: try LifecycleTopicEventV1.decode(type: card.type, data: json), data: String(decoding: json, as: UTF8.self))
    }
}

extension IntakeFixture {
    /// Intake's own events as they come back from the topic: the outbox rows as CloudEvents, in order.
    func ownEvents() async throws -> [CloudEvent] {
        let rows = try await database.client.query(
            "SELECT event_id::text, event_type, payload FROM outbox ORDER BY id", logger: database.logger)
        var events: [CloudEvent] = []
        for try await (id, type, payload) in rows.decode((String, String, ByteBuffer).self) {
            events.append(CloudEvent(id: id, source: ContractSource.intake, type: type, data: Array(payload.readableBytesView)))
        }
        return events
    }

    /// Runs the lifecycle consumer's handler on `events` in one transaction.
    func handleLifecycle(_ events: [CloudEvent]) async throws {
        let consumed = events.enumerated().map { offset, event in
            ConsumedEvent(
                message: IncomingMessage(
                    topic: ContractTopic.caseLifecycle, partition: 0, offset: Int64(offset), key: nil, headers: [], value: event.data),
                event: event, inboxKey: InboxKey(source: event.source, id: event.id))
        }
        try await desk.outbox.withTransaction(on: database.client, logger: database.logger) { transaction in
            try await desk.handleLifecycle(consumed, in: transaction)
        }
    }

    /// Applies consumed lifecycle messages in one transaction, as the lifecycle consumer does.
    func consume(_ messages: [LifecycleMessage]) async throws {
        try await desk.outbox.withTransaction(on: database.client, logger: database.logger) { transaction in
            try await desk.apply(messages, in: transaction, at: Timestamps.now())
        }
    }

    /// Opens a supervisor's report (filed at once) and returns it.
    func openFiledCase(grid: String = "339901001001001", channel: CaseChannel = .supervisor) async throws -> StoredCase {
        let actor: CaseActor = channel == .supervisor ? CaseActor(role: .supervisor, id: "sup-001") : CaseWorkflow.system
        let report = try CaseReport(
            channel: channel, reporter: Reporter(phone: .phone("13912345678"), accountID: "sup-001"), reportedAt: Timestamps.now(),
            location: CaseLocation(point: interiorPoint(of: grid)), category: CategoryCode("E0102"), details: "垃圾",
            externalReference: channel.isHotline ? "GD-\(UUID().uuidString.prefix(8))" : nil)
        let inbound = channel.isHotline
            ? InboundSource(kind: .hotlineOrder(requestType: "complaint"), raw: Array("{}".utf8), partition: 0, offset: 0) : nil
        let outcomes = try await ReportOpeningTests.open(self, [NewReport(report: report, actor: actor, inbound: inbound)])
        guard case .opened(let stored) = outcomes[0] else { throw TestFailure("not opened: \(outcomes[0])") }
        return stored
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
