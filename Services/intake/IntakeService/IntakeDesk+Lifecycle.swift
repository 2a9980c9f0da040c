import Foundation
import GridDomain
import GridRuntime
import PostgresNIO

/// An event consumed from `gridloop.case.lifecycle`: its CloudEvents identity, the decoded data and
/// the data as published (for the timeline).
struct LifecycleMessage: Sendable {
    /// The producer (`/gridloop/routing`).
    var source: String
    /// The event id.
    var id: String
    /// The type.
    var type: String
    /// The decoded data.
    var event: LifecycleTopicEventV1
    /// The data as published (JSON).
    var data: String
}

extension IntakeDesk {
    /// Applies consumed lifecycle events in order, inside `transaction`: replicas advance with
    /// `CaseReplay` (intake's own events come back as duplicates), every event of a case is appended
    /// to its timeline, and a reported disposal (处置反馈) opens the check at once (`assign_check` by
    /// `system`, emitted in the same transaction). The cases concerned are locked and read with one
    /// query and written, with the timeline, in one statement.
    /// - Throws: `CaseReplayError` when a step cannot be replayed (a gap, a refused or diverging step,
    ///   a step of a case intake never opened): a permanent failure of the event.
    func apply(_ messages: [LifecycleMessage], in transaction: OutboxTransaction, at now: Date) async throws {
        let connection = transaction.connection
        let ids = Array(Set(messages.compactMap(\.event.caseId)))
        var working = try await cases.lock(ids, on: connection, logger: logger)
        var opened: [CaseID] = []
        var changed: [CaseID] = []
        var entries: [TimelineEntry] = []
        var produced: [ProducedEvent] = []

        func entry(_ message: LifecycleMessage, _ caseID: CaseID, sequence: Int?, asOf: Int?, at time: Date) -> TimelineEntry {
            TimelineEntry(
                caseID: caseID, source: message.source, eventID: message.id, type: message.type, sequence: sequence,
                asOfSequence: asOf, occurredAt: time, data: message.data)
        }

        for message in messages {
            switch message.event {
            case .reported(let data):
                if working[data.caseId] == nil {
                    // Only intake opens cases: this is a case intake opened but no longer has (a restored database).
                    let replica = try CaseReplay.open(data, lifecycle: workflow.lifecycle).case
                    working[data.caseId] = StoredCase(replica: replica, placement: data.snapshot.placement)
                    opened.append(data.caseId)
                    metrics.lifecycleEvent("applied")
                } else {
                    metrics.lifecycleEvent("duplicate")
                }
                entries.append(entry(message, data.caseId, sequence: 1, asOf: nil, at: data.occurredAt))
            case .step(let data):
                guard var stored = working[data.caseId] else {
                    throw CaseReplayError(
                        code: .gap, caseId: data.caseId, sequence: data.sequence,
                        message: "intake has no replica of this case: its opening event was never applied")
                }
                switch try CaseReplay.apply(data, to: stored.replica, lifecycle: workflow.lifecycle) {
                case .applied(let updated, _):
                    var progress = CaseWorkflow.Progress(replica: updated, placement: stored.placement, events: [])
                    if updated.state == .disposed {
                        try workflow.applyFollowUps(at: max(now, updated.updatedAt), to: &progress)
                    }
                    stored.replica = progress.replica
                    working[data.caseId] = stored
                    if !opened.contains(data.caseId), !changed.contains(data.caseId) { changed.append(data.caseId) }
                    produced += progress.events
                    metrics.lifecycleEvent("applied")
                case .duplicate:
                    metrics.lifecycleEvent("duplicate")
                }
                entries.append(entry(message, data.caseId, sequence: data.sequence, asOf: nil, at: data.occurredAt))
            case .yellowCard(let card), .redCard(let card):
                guard working[card.caseId] != nil else { metrics.lifecycleEvent("skipped"); continue }
                entries.append(entry(message, card.caseId, sequence: nil, asOf: card.asOfSequence, at: card.issuedAt))
                metrics.lifecycleEvent("card")
            case .manualDispatchRequired(let notice):
                guard working[notice.caseId] != nil else { metrics.lifecycleEvent("skipped"); continue }
                entries.append(entry(message, notice.caseId, sequence: nil, asOf: notice.asOfSequence, at: notice.detectedAt))
                metrics.lifecycleEvent("notice")
            case .unknown:
                metrics.lifecycleEvent("skipped")
            }
        }
        if !opened.isEmpty { _ = try await cases.insert(opened.compactMap { working[$0] }, on: connection, logger: logger) }
        try await ReplicaWriter().write(
            changed.compactMap { working[$0] }, timeline: entries + produced.map(TimelineEntry.init), on: connection, logger: logger)
        try await enqueue(produced, in: transaction)
    }
}
