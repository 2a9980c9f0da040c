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

/// Handles events of `gridloop.case.lifecycle` inside the consumer's transaction: records the
/// deliveries the city's routes ask for (`INSERT … ON CONFLICT DO NOTHING`, so a redelivered or
/// republished event adds nothing), and the reporter of newly opened cases for the close notice.
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

    /// Handles one consumed CloudEvent in an inbox transaction (see ``handle(type:eventId:data:on:logger:)``).
    @discardableResult
    public func handle(_ event: CloudEvent, in transaction: OutboxTransaction) async throws -> Int {
        guard isInterested(in: event.type) else { return 0 }
        return try await handle(
            type: event.type, eventId: event.id, data: Data(event.data ?? []), on: transaction.connection, logger: transaction.logger)
    }

    /// True when events of `type` can lead to a notification (or a reporter record).
    public func isInterested(in type: String) -> Bool { interestingTypes.contains(type) }

    /// Handles one event in the caller's transaction.
    /// - Parameters:
    ///   - type: The CloudEvents type.
    ///   - eventId: The CloudEvents id.
    ///   - data: The event data (JSON).
    ///   - connection: The transaction's connection.
    ///   - logger: The logger.
    /// - Returns: The number of new deliveries recorded.
    /// - Throws: `EventRejection` (`invalidPayload`) for undecodable data; database errors.
    @discardableResult
    public func handle(type: String, eventId: String, data: Data, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        guard isInterested(in: type) else { return 0 }
        let decoded: LifecycleTopicEventV1
        do {
            decoded = try LifecycleTopicEventV1.decode(type: type, data: data)
        } catch {
            throw EventRejection(.invalidPayload, error.description)
        }
        guard let event = NotifiableEvent(decoded) else { return 0 }
        let caseLogger = logger.with(caseID: event.caseId.description)
        if case .opened(let opened) = event {
            guard let reporter = ReporterOnRecord(opened), planner.city.rules.contacts.reachesReporters(of: reporter.channel) else {
                return 0
            }
            try await reporters.record(reporter, caseId: opened.caseId, on: connection, logger: caseLogger)
            return 0
        }
        guard let trigger = event.trigger else { return 0 }
        let needsReporter = planner.city.rules.routes(for: trigger).contains { $0.role == .reporter }
        let reporter =
            needsReporter
            ? try await reporters.reporter(of: event.caseId, removing: trigger == .closed, on: connection, logger: caseLogger) : nil
        let planned = planner.plan(event, eventId: eventId, eventType: type, reporter: reporter)
        let inserted = try await deliveries.record(planned, on: connection, logger: caseLogger)
        recorded.increment(by: inserted)
        let failed = planned.filter { $0.undeliverableReason != nil }
        if !failed.isEmpty {
            undeliverable.increment(by: failed.count)
            caseLogger.error(
                "no contact for notification recipients",
                metadata: ["recipients": "\(failed.map(\.recipient.text))", "event_type": "\(type)", LogMetadataKey.eventID: "\(eventId)"])
        }
        caseLogger.debug(
            "notifications recorded",
            metadata: ["event_type": "\(type)", LogMetadataKey.eventID: "\(eventId)", "planned": "\(planned.count)", "new": "\(inserted)"])
        return inserted
    }
}
