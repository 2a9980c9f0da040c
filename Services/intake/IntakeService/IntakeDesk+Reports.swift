import Foundation
import GridDomain
import GridRuntime
import Logging
import PostgresNIO

/// A report to open: from the HTTP API or an inbound message.
struct NewReport: Sendable {
    /// The report (with clear personal data).
    var report: CaseReport
    /// Who opens the case (the reporter, or `system` for inbound messages).
    var actor: CaseActor
    /// A grid worker's on-the-spot disposal, when given.
    var selfDisposal: SelfDisposal?
    /// For inbound messages: what to keep of the message.
    var inbound: InboundSource?
}

/// The message a report came from, kept with the case (`hotline_orders`, `sensing_alerts`).
struct InboundSource: Sendable, Hashable {
    /// A work order (with its request type) or an alert (with its device).
    var kind: InboundRecord.Kind
    /// The record value as received.
    var raw: [UInt8]
    /// The Kafka partition.
    var partition: Int32
    /// The Kafka offset.
    var offset: Int64
}

/// What became of a report.
enum ReportOutcome: Sendable {
    /// The case was opened (and possibly filed, sent to verification or closed by self-disposal).
    case opened(StoredCase)
    /// A report with the same channel and external reference (order number, alert id) is already a case.
    case duplicate
    /// The report cannot become a case: outside the city, an unknown place, a channel the reporter
    /// may not use. Nothing was written for it.
    case refused(any Error)
}

extension IntakeDesk {
    /// Opens cases for `reports` inside `transaction`: locates them all in one query, numbers them
    /// (serials from a pool), takes the automatic steps, writes cases, reporters, timelines and inbound
    /// messages in one statement and enqueues the events (written by the outbox with one insert).
    /// - Returns: One outcome per report, in order.
    func open(_ reports: [NewReport], in transaction: OutboxTransaction, at now: Date) async throws -> [ReportOutcome] {
        let connection = transaction.connection
        var outcomes = [ReportOutcome](repeating: .duplicate, count: reports.count)
        let placements = try await locator.place(reports.map(\.report.location), on: connection, logger: logger)
        let located = reports.indices.filter {
            if case .failure(let error) = placements[$0] {
                outcomes[$0] = .refused(error)
                metrics.rejected(reason: error.code.description)
                logger.notice("report refused", metadata: ["reason": "\(error)", "channel": "\(reports[$0].report.channel.rawValue)"])
                return false
            }
            return true
        }
        let serials = try await serials.take(located.count) { count in
            try await cases.allocateSerials(count, on: connection, logger: logger)
        }

        var progresses: [Int: CaseWorkflow.Progress] = [:]
        for (index, serial) in zip(located, serials) {
            guard case .success(let placement) = placements[index] else { continue }
            let new = reports[index]
            do {
                progresses[index] = try workflow.open(
                    report: new.report, id: CaseID(), number: numbering.number(placement: placement, openedAt: now, serial: serial),
                    placement: placement, by: new.actor, at: now, selfDisposal: new.selfDisposal)
            } catch let error as LifecycleError {
                outcomes[index] = .refused(error)
                metrics.rejected(reason: "lifecycle_refused")
            }
        }

        let order = progresses.keys.sorted()
        var batch = OpeningWriter.Batch()
        for index in order {
            let progress = progresses[index]!
            let report = reports[index].report
            let id = progress.replica.id
            batch.cases.append(StoredCase(replica: progress.replica, placement: progress.placement))
            batch.reporters.append(ReporterRecord(caseID: id, report: report))
            batch.timeline += progress.events.map(TimelineEntry.init)
            if let source = reports[index].inbound, let reference = report.externalReference {
                batch.inbound.append(
                    InboundRecord(
                        kind: source.kind, reference: reference, channel: report.channel, receivedAt: report.reportedAt, caseID: id,
                        raw: source.raw, partition: source.partition, offset: source.offset))
            }
        }
        let inserted = try await OpeningWriter().write(batch, on: connection, logger: logger)
        var events: [ProducedEvent] = []
        for (index, storedCase) in zip(order, batch.cases) where inserted.contains(storedCase.replica.id) {
            let report = reports[index].report
            outcomes[index] = .opened(storedCase)  // the others stay .duplicate
            events += progresses[index]!.events
            metrics.caseOpened(channel: report.channel.rawValue)
            logger.with(caseID: storedCase.replica.id.description).info(
                "case opened",
                metadata: [
                    "case_number": "\(storedCase.replica.number)", "channel": "\(report.channel.rawValue)",
                    "state": "\(storedCase.replica.state.rawValue)", "grid": "\(storedCase.placement.grid?.digits ?? "-")",
                ])
        }
        try await enqueue(events, in: transaction)
        return outcomes
    }
}

extension IntakeDesk {
    /// Opens the case of a report submitted through the API.
    /// - Throws: ``LocationError`` (422) when it cannot be placed, ``APIError`` when the lifecycle refuses it.
    func openReport(_ validated: ValidatedReport) async throws -> StoredCase {
        let new = NewReport(report: validated.report, actor: validated.actor, selfDisposal: validated.selfDisposal, inbound: nil)
        let outcome = try await transaction { transaction in
            try await open([new], in: transaction, at: Timestamps.now())[0]
        }
        switch outcome {
        case .opened(let stored): return stored
        case .refused(let error as LifecycleError): throw Self.apiError(for: error)
        case .refused(let error): throw error
        case .duplicate: throw APIError.conflict("the report was already received", code: "duplicate_report")
        }
    }

    /// Whether a case with this id exists.
    func exists(_ id: CaseID) async throws -> Bool {
        try await client.withConnection { connection in
            try await cases.find(id, on: connection, logger: logger) != nil
        }
    }
}
