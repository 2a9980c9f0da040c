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
/// redelivered or republished event adds nothing), the reporter of newly opened cases for the
/// close notice, and — when the city routes deadline cards — each case's progress (`case_progress`), so
/// that a card whose stage the case has already left is recorded `suppressed` instead of being sent.
///
/// Only the types some route needs are decoded in full; when cards are routed, the other steps are
/// read for their sequence, state and clock effects only; unknown types are skipped without parsing.
/// Data of a routed type that cannot be decoded are rejected with an `EventRejection` (permanent: the
/// consumer dead-letters the message).
public struct LifecycleNotifier: Sendable {
    /// The planner (city and rules).
    public let planner: NotificationPlanner
    let deliveries: DeliveryStore
    let reporters: ReporterStore
    let progress: ProgressStore
    let interestingTypes: Set<String>
    /// Whether the city routes deadline cards, so case progress is tracked to judge them.
    let tracksProgress: Bool
    let recorded: Counter
    let undeliverable: Counter
    let suppressedYellow: Counter
    let suppressedRed: Counter

    /// Creates the handler for `city`, counting into `metricsFactory`:
    /// `notification_deliveries_recorded_total` (new deliveries),
    /// `notification_deliveries_undeliverable_total` (recorded failed for want of a contact) and
    /// `notification_cards_suppressed_total{card}` (stale deadline cards recorded but not sent).
    public init(city: NotificationCity, metricsFactory: any MetricsFactory) {
        self.planner = NotificationPlanner(city: city)
        self.deliveries = DeliveryStore()
        self.reporters = ReporterStore()
        self.progress = ProgressStore()
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
        self.tracksProgress = types.contains(ContractEventType.yellowCard) || types.contains(ContractEventType.redCard)
        self.recorded = Counter(label: "notification_deliveries_recorded_total", factory: metricsFactory)
        self.undeliverable = Counter(label: "notification_deliveries_undeliverable_total", factory: metricsFactory)
        self.suppressedYellow = Counter(label: "notification_cards_suppressed_total", dimensions: [("card", "yellow")], factory: metricsFactory)
        self.suppressedRed = Counter(label: "notification_cards_suppressed_total", dimensions: [("card", "red")], factory: metricsFactory)
    }

    /// True when events of `type` can lead to a notification (or a reporter record).
    public func isInterested(in type: String) -> Bool { interestingTypes.contains(type) }

    /// Handles the new events of a consumer batch in their inbox transaction, in event order, with a
    /// few statements whatever the batch size: read the progress of the cases whose cards the batch
    /// holds, read the reporters its notices need, store the batch's progress, delete the reporters taken
    /// at close, insert those of newly opened cases, insert the deliveries (each only when needed).
    /// - Parameters:
    ///   - events: The batch's new events, in consumption order; types nothing needs are skipped unparsed.
    ///   - transaction: The inbox transaction.
    /// - Returns: The number of new deliveries recorded (suppressed ones included).
    /// - Throws: `EventRejection` (`invalidPayload`) for undecodable data of a routed type (the consumer
    ///   then retries the batch one event at a time and dead-letters that one); database errors.
    @discardableResult
    public func handle(_ events: [CloudEvent], in transaction: OutboxTransaction) async throws -> Int {
        let logger = transaction.logger
        let items = try read(events, logger: logger)
        guard !items.isEmpty else { return 0 }
        let notices = items.compactMap { item -> (event: NotifiableEvent, id: String, type: String)? in
            if case .notice(let event, let id, let type) = item { return (event, id, type) }
            return nil
        }

        let cardCases = Set(notices.compactMap { notice -> CaseID? in
            if case .card(let card) = notice.event { return card.caseId }
            return nil
        })
        var ledger = ProgressLedger(stored: try await progress.progress(of: cardCases, on: transaction.connection, logger: logger))
        let lookUp = Set(notices.filter { needsReporter($0.event.trigger) }.map(\.event.caseId))
        var reporterLedger = ReporterLedger(
            stored: try await reporters.reporters(of: lookUp, on: transaction.connection, logger: logger), lookedUp: lookUp)
        var planned: [PlannedDelivery] = []
        for item in items {
            switch item {
            case .progress(let step):
                ledger.apply(step)
            case .notice(let event, let id, let type):
                planned += plan(event, id: id, type: type, progress: ledger, reporters: &reporterLedger, logger: logger)
            }
        }
        try await progress.record(ledger.changes, on: transaction.connection, logger: logger)
        try await reporters.apply(reporterLedger.changes, on: transaction.connection, logger: logger)
        let inserted = try await deliveries.record(planned, on: transaction.connection, logger: logger)
        recorded.increment(by: inserted)
        logger.debug(
            "notifications recorded",
            metadata: ["events": "\(notices.count)", "planned": "\(planned.count)", "new": "\(inserted)"])
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
