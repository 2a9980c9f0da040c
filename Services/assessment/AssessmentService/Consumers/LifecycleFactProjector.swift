import Foundation
import GridDomain
public import Logging
import Metrics
public import PostgresNIO

/// Turns lifecycle-topic events into assessment facts: one `event_facts` row per event and the
/// updated `case_facts` row of each case, for a whole batch in one transaction's connection with a
/// constant number of statements (record the events, lock and load the cases, write the cases).
///
/// Idempotent on its own (besides the inbox): an event already recorded — same CloudEvents id, or a
/// step whose case and sequence are recorded — changes nothing; a step whose sequence is not above
/// the case's last applied one is ignored.
public struct LifecycleFactProjector: Sendable {
    let logger: Logger
    let metrics: ProjectorMetrics
    let caseFacts = CaseFactStore()
    let eventFacts = EventFactStore()

    /// A projector logging to `logger` and counting with `metricsFactory`.
    public init(logger: Logger, metricsFactory: any MetricsFactory) {
        self.logger = logger
        self.metrics = ProjectorMetrics(factory: metricsFactory)
    }

    /// Records `messages`, in order, on `connection` (inside the caller's transaction).
    /// - Throws: ``InvalidLifecycleEvent`` when a message's data do not match its type (nothing of the
    ///   batch should then be committed); database errors.
    @discardableResult
    public func project(_ messages: [LifecycleMessage], on connection: PostgresConnection) async throws -> ProjectionSummary {
        var summary = ProjectionSummary()
        defer { metrics.record(summary) }
        let decoded = try decodeUnique(messages, summary: &summary)
        guard !decoded.isEmpty else { return summary }

        let new = try await eventFacts.insert(decoded.map(\.fact), on: connection, logger: logger)
        let fresh = decoded.filter { new.contains($0.fact.eventID) }
        summary.recorded = fresh.count
        summary.alreadyRecorded += decoded.count - fresh.count

        let caseIDs = Set(fresh.compactMap { $0.event.caseId })
        var facts = try await caseFacts.lockAndLoad(caseIDs, on: connection, logger: logger)
        var changed: Set<CaseID> = []
        for item in fresh {
            switch FactProjection.apply(item.event, to: &facts) {
            case .unchanged:
                continue
            case .changed:
                break
            case .changedAfterGap(let missing):
                summary.gaps += 1
                logger.warning(
                    "lifecycle steps missing before this one; applied from its snapshot",
                    metadata: [
                        "case_id": "\(item.fact.caseID)", "sequence": "\(item.fact.sequence ?? 0)",
                        "missing": "\(missing.lowerBound)...\(missing.upperBound)",
                    ])
            }
            changed.insert(item.fact.caseID)
        }
        try await caseFacts.save(changed.compactMap { facts[$0] }, on: connection, logger: logger)
        summary.factsWritten = changed.count
        return summary
    }

    /// Decodes the messages, dropping unknown types and repeats within the batch.
    private func decodeUnique(
        _ messages: [LifecycleMessage], summary: inout ProjectionSummary
    ) throws(InvalidLifecycleEvent) -> [(event: LifecycleTopicEventV1, fact: EventFact)] {
        var decoded: [(event: LifecycleTopicEventV1, fact: EventFact)] = []
        var seenIDs: Set<String> = []
        var seenSteps: Set<StepKey> = []
        for message in messages {
            let event: LifecycleTopicEventV1
            do {
                event = try LifecycleTopicEventV1.decode(type: message.type, data: message.data)
            } catch {
                throw InvalidLifecycleEvent(eventID: message.eventID, type: message.type, reason: error.description)
            }
            guard let fact = EventFact(eventID: message.eventID, event: event) else {
                summary.unknownTypes += 1
                continue
            }
            let stepKey = fact.sequence.map { StepKey(caseID: fact.caseID, sequence: $0) }
            guard seenIDs.insert(fact.eventID).inserted, stepKey.map({ seenSteps.insert($0).inserted }) ?? true else {
                summary.alreadyRecorded += 1
                continue
            }
            decoded.append((event, fact))
        }
        return decoded
    }

    private struct StepKey: Hashable {
        let caseID: CaseID
        let sequence: Int
    }
}
