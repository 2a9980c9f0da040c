#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GridDomain
public import GridRuntime
public import Logging
public import Metrics
public import PostgresNIO

/// Handles events of `gridloop.case.lifecycle` inside the consumer's transaction, a batch at a time:
/// records the deliveries the city's routes ask for (`INSERT … ON CONFLICT DO NOTHING`, so a
/// redelivered or republished event adds nothing), and the reporter of newly opened cases for the
/// close notice.
///
/// Only the types some route needs are decoded; every other type (most steps, unknown types) is
/// skipped without parsing. Data that cannot be decoded are rejected with an `EventRejection`
/// (permanent: the consumer dead-letters the message).
public struct LifecycleNotifier: Sendable {
    /// The planner (city and rules).
    public let planner: NotificationPlanner
    let deliveries: DeliveryStore
    let reporters: ReporterStore
    let interestingTypes: Set<String>
    let recorded: Counter
    let undeliverable: Counter

    /// Creates the handler for `city`, counting into `metricsFactory`:
    /// `notification_deliveries_recorded_total` (new deliveries) and
    /// `notification_deliveries_undeliverable_total` (recorded failed for want of a contact).
    public init(city: NotificationCity, metricsFactory: any MetricsFactory) {
        self.planner = NotificationPlanner(city: city)
        self.deliveries = DeliveryStore()
        self.reporters = ReporterStore()
        var types: Set<String> = []
        for trigger in Set(city.rules.routes.map(\.trigger)) {
            switch trigger {
            case .dispatched: types.insert(ContractEventType.caseStep(.dispatch))
            case .redispatched: types.insert(ContractEventType.caseStep(.redispatch))
            case .closed: types.insert(ContractEventType.caseStep(.close))
            case .yellowCard: types.insert(ContractEventType.yellowCard)
            case .redCard: types.insert(ContractEventType.redCard)
            case .manualRequired: types.insert(ContractEventType.manualDispatchRequired)
            }
        }
        if city.rules.tellsReporters { types.insert(ContractEventType.caseReported) }
        self.interestingTypes = types
        self.recorded = Counter(label: "notification_deliveries_recorded_total", factory: metricsFactory)
        self.undeliverable = Counter(label: "notification_deliveries_undeliverable_total", factory: metricsFactory)
    }

    /// True when events of `type` can lead to a notification (or a reporter record).
    public func isInterested(in type: String) -> Bool { interestingTypes.contains(type) }

    /// Handles the new events of a consumer batch in their inbox transaction, in event order, with at
    /// most four statements whatever the batch size: read the reporters the batch's notices need,
    /// delete those taken at close, insert those of newly opened cases, insert the deliveries.
    /// - Parameters:
    ///   - events: The batch's new events, in consumption order; types no route needs are skipped unparsed.
    ///   - transaction: The inbox transaction.
    /// - Returns: The number of new deliveries recorded.
    /// - Throws: `EventRejection` (`invalidPayload`) for undecodable data of a handled type (the consumer
    ///   then retries the batch one event at a time and dead-letters that one); database errors.
    @discardableResult
    public func handle(_ events: [CloudEvent], in transaction: OutboxTransaction) async throws -> Int {
        let logger = transaction.logger
        var notifiable: [(event: NotifiableEvent, id: String, type: String)] = []
        for event in events where isInterested(in: event.type) {
            let decoded: LifecycleTopicEventV1
            do {
                decoded = try LifecycleTopicEventV1.decode(type: event.type, data: Data(event.data ?? []))
            } catch {
                throw EventRejection(.invalidPayload, error.description)
            }
            if let notifiableEvent = NotifiableEvent(decoded) { notifiable.append((notifiableEvent, event.id, event.type)) }
        }
        guard !notifiable.isEmpty else { return 0 }

        let lookUp = Set(notifiable.filter { needsReporter($0.event.trigger) }.map(\.event.caseId))
        var ledger = ReporterLedger(
            stored: try await reporters.reporters(of: lookUp, on: transaction.connection, logger: logger), lookedUp: lookUp)
        var planned: [PlannedDelivery] = []
        for (event, id, type) in notifiable {
            if case .opened(let opened) = event {
                if let reporter = ReporterOnRecord(opened), planner.city.rules.contacts.reachesReporters(of: reporter.channel) {
                    ledger.open(opened.caseId, reporter: reporter)
                }
                continue
            }
            guard let trigger = event.trigger else { continue }
            let reporter = needsReporter(trigger) ? ledger.reporter(of: event.caseId, removing: trigger == .closed) : nil
            let eventPlan = planner.plan(event, eventId: id, eventType: type, reporter: reporter)
            planned += eventPlan
            let failed = eventPlan.filter { $0.undeliverableReason != nil }
            if !failed.isEmpty {
                undeliverable.increment(by: failed.count)
                logger.with(caseID: event.caseId.description).error(
                    "no contact for notification recipients",
                    metadata: ["recipients": "\(failed.map(\.recipient.text))", "event_type": "\(type)", LogMetadataKey.eventID: "\(id)"])
            }
        }
        try await reporters.apply(ledger.changes, on: transaction.connection, logger: logger)
        let inserted = try await deliveries.record(planned, on: transaction.connection, logger: logger)
        recorded.increment(by: inserted)
        logger.debug(
            "notifications recorded",
            metadata: ["events": "\(notifiable.count)", "planned": "\(planned.count)", "new": "\(inserted)"])
        return inserted
    }

    /// Handles one event: a batch of one.
    @discardableResult
    public func handle(_ event: CloudEvent, in transaction: OutboxTransaction) async throws -> Int {
        try await handle([event], in: transaction)
    }

    /// True when some route of `trigger` tells the reporter.
    func needsReporter(_ trigger: NotificationTrigger?) -> Bool {
        guard let trigger else { return false }
        return planner.city.rules.routes(for: trigger).contains { $0.role == .reporter }
    }
}
