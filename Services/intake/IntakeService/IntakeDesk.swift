import Foundation
import GridDomain
import GridRuntime
import Logging
import PostgresNIO

/// Intake's transactions — the supervision centre's desk. Every change of a case, its timeline
/// entries and the events announcing it are written in one outbox transaction; lists of reports and
/// events are handled with a fixed number of statements whatever their size (a Kafka batch costs the
/// same few round trips as a single HTTP report).
///
/// Used by the HTTP routes (``IntakeRoutes``) and the consumers; see the extensions for opening
/// reports, taking steps and applying lifecycle events.
struct IntakeDesk: Sendable {
    /// The connection pool.
    let client: PostgresClient
    /// The outbox of intake's schema.
    let outbox: Outbox
    /// The loop's rules.
    let workflow: CaseWorkflow
    /// Places reports in the city.
    let locator: Locator
    /// Case numbers.
    let numbering: CaseNumbering
    /// Metrics.
    let metrics: IntakeMetrics
    /// The logger.
    let logger: Logger

    let cases = CaseStore()
    let timeline = TimelineStore()
    let reporters = ReporterStore()
    let queries = CaseQueries()
    /// Serials of case numbers.
    let serials = CaseSerialPool()

    /// Runs `body` in an outbox transaction on a pooled connection. An error thrown by `body` comes
    /// out as itself (not wrapped in `PostgresTransactionError`), so callers see the ``APIError`` or
    /// domain error; failures to begin or commit stay wrapped.
    func transaction<Result: Sendable>(_ body: (OutboxTransaction) async throws -> sending Result) async throws -> Result {
        do {
            return try await outbox.withTransaction(on: client, logger: logger) { try await body($0) }
        } catch let error as PostgresTransactionError {
            if let closureError = error.closureError { throw closureError }
            throw error
        }
    }

    /// Enqueues produced events on the lifecycle topic (their timeline entries are written by the caller).
    func enqueue(_ events: [ProducedEvent], in transaction: OutboxTransaction) async throws {
        for event in events {
            try transaction.enqueue(event.cloudEvent, topic: ContractTopic.caseLifecycle)
            if let step = event.step { metrics.step(step.rawValue, bySystem: event.actorRole == .system) }
            logger.with(caseID: event.caseID.description).debug(
                "case event written",
                metadata: ["type": "\(event.type)", "sequence": "\(event.sequence)", LogMetadataKey.eventID: "\(event.id)"])
        }
    }
}

extension ProducedEvent {
    /// The CloudEvent to publish: source `/gridloop/intake`, subject (and record key) the case id.
    var cloudEvent: CloudEvent {
        CloudEvent(
            id: id.uuidString.lowercased(), source: ContractSource.intake, type: type, subject: caseID.description,
            time: occurredAt, dataContentType: CloudEvent.jsonContentType, data: Array(data))
    }
}
