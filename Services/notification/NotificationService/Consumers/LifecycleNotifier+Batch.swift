#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GridDomain
import GridRuntime
import Logging
import Metrics

extension LifecycleNotifier {
    /// One event of a batch as the handler uses it, in batch order.
    enum BatchItem: Sendable {
        /// A lifecycle event's contribution to its case's progress.
        case progress(StepProgress)
        /// An event some route (or the reporter record) needs.
        case notice(NotifiableEvent, id: String, type: String)
    }

    /// Decodes what the batch's events mean to the service, in order: routed types in full (a step of
    /// a routed type also yields its progress), other steps and opening events for their progress only
    /// (when cards are routed; leniently — such an event is never rejected), everything else not at all.
    /// - Throws: `EventRejection` (`invalidPayload`) for undecodable data of a routed type.
    func read(_ events: [CloudEvent], logger: Logger) throws -> [BatchItem] {
        var items: [BatchItem] = []
        for event in events {
            let tracked = tracksProgress
                && (event.type == ContractEventType.caseReported || ContractEventType.stepKind(of: event.type) != nil)
            if isInterested(in: event.type) {
                let decoded: LifecycleTopicEventV1
                do {
                    decoded = try LifecycleTopicEventV1.decode(type: event.type, data: Data(event.data ?? []))
                } catch {
                    throw EventRejection(.invalidPayload, error.description)
                }
                if tracked {
                    switch decoded {
                    case .step(let step): items.append(.progress(StepProgress(step)))
                    case .reported(let opened): items.append(.progress(StepProgress(opened)))
                    default: break
                    }
                }
                if let notifiable = NotifiableEvent(decoded) { items.append(.notice(notifiable, id: event.id, type: event.type)) }
            } else if tracked {
                if let step = StepProgress.decode(lifecycleData: event.data ?? []) {
                    items.append(.progress(step))
                } else {
                    logger.warning(
                        "lifecycle event without a readable case id and sequence; its progress is not recorded",
                        metadata: ["event_type": "\(event.type)", LogMetadataKey.eventID: "\(event.id)"])
                }
            }
        }
        return items
    }

    /// The deliveries of one notice, given the batch's progress so far: an opening event records its
    /// reporter (no delivery); a card whose stage the case has left is planned `suppressed`.
    func plan(
        _ event: NotifiableEvent, id: String, type: String, progress: ProgressLedger, reporters: inout ReporterLedger, logger: Logger
    ) -> [PlannedDelivery] {
        if case .opened(let opened) = event {
            if let reporter = ReporterOnRecord(opened), planner.city.rules.contacts.reachesReporters(of: reporter.channel) {
                reporters.open(opened.caseId, reporter: reporter)
            }
            return []
        }
        guard let trigger = event.trigger else { return [] }
        let reporter = needsReporter(trigger) ? reporters.reporter(of: event.caseId, removing: trigger == .closed) : nil
        var eventPlan = planner.plan(event, eventId: id, eventType: type, reporter: reporter)
        let caseLogger = logger.with(caseID: event.caseId.description)
        if case .card(let card) = event, let reason = progress.suppressionReason(for: card) {
            for index in eventPlan.indices { eventPlan[index].suppressionReason = reason }
            (card.card == .yellow ? suppressedYellow : suppressedRed).increment()
            caseLogger.info(
                "deadline card suppressed: the case has left its stage",
                metadata: ["reason": "\(reason)", "event_type": "\(type)", LogMetadataKey.eventID: "\(id)"])
            return eventPlan
        }
        let failed = eventPlan.filter { $0.undeliverableReason != nil }
        if !failed.isEmpty {
            undeliverable.increment(by: failed.count)
            caseLogger.error(
                "no contact for notification recipients",
                metadata: ["recipients": "\(failed.map(\.recipient.text))", "event_type": "\(type)", LogMetadataKey.eventID: "\(id)"])
        }
        return eventPlan
    }
}
