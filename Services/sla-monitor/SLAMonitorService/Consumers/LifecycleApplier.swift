import CoreMetrics
import Foundation
import GridDomain
import Logging
import PostgresNIO

/// Applies lifecycle events to the stage clocks inside the caller's transaction: loads the cases it
/// does not hold yet in one query, applies the events in order with the ``ClockBook``, and writes what
/// changed in one statement.
///
/// `cases` is the caller's copy of the cases already loaded in the same transaction (the consumer keeps
/// it for the transaction, so a case's later events in a Kafka batch need no read); it must be thrown
/// away with the transaction.
struct LifecycleApplier: Sendable {
    let book: ClockBook
    let store: CaseClockStore
    let metrics: SLAMetrics
    /// Cards due sooner than this wake the timer (its longest sleep).
    let wakeHorizon: Duration
    let logger: Logger

    /// Applies `events` in order.
    /// - Throws: ``ClockUpdateError`` for the first event whose deadlines cannot be computed (the caller
    ///   rolls back and isolates it), or the database error.
    func apply(
        _ events: [LifecycleInput], cases: inout [CaseID: CaseClocks], on connection: PostgresConnection, now: Date
    ) async throws {
        guard !events.isEmpty else { return }
        let missing = Set(events.map(\.caseID)).filter { cases[$0] == nil }
        if !missing.isEmpty {
            cases.merge(try await store.load(missing, on: connection, logger: logger)) { held, _ in held }
        }
        var touched: Set<CaseID> = []
        var applied = 0
        var stale = 0
        for event in events {
            var clocks = cases[event.caseID] ?? CaseClocks(caseID: event.caseID)
            let outcome: ClockBook.Outcome
            do {
                outcome = try book.apply(event, to: &clocks)
            } catch {
                logger.warning(
                    "lifecycle event cannot be applied to the stage clocks",
                    metadata: [
                        "case_id": "\(event.caseID)", "event.type": "\(event.type)", "event.sequence": "\(event.sequence)",
                        "error": "\(error)",
                    ])
                throw error
            }
            guard outcome.applied else {
                stale += 1
                continue
            }
            cases[event.caseID] = clocks
            touched.insert(event.caseID)
            applied += 1
            report(outcome, of: event)
        }
        try await store.save(
            touched.compactMap { cases[$0] }, calendar: book.reference.calendar, now: now, wakeHorizon: wakeHorizon,
            on: connection, logger: logger)
        for id in touched { cases[id]?.markSaved() }
        metrics.applied.increment(by: applied)
        if stale > 0 { metrics.stale.increment(by: stale) }
    }

    /// Counts and logs gaps and skipped effects.
    private func report(_ outcome: ClockBook.Outcome, of event: LifecycleInput) {
        if outcome.followsGap {
            metrics.gaps.increment()
            logger.warning(
                "lifecycle event follows a gap in the case's sequence; applied anyway",
                metadata: ["case_id": "\(event.caseID)", "event.type": "\(event.type)", "event.sequence": "\(event.sequence)"])
        }
        if !outcome.skippedEffects.isEmpty {
            metrics.skippedEffects.increment(by: outcome.skippedEffects.count)
            logger.warning(
                "clock effects skipped: they do not fit the monitor's clocks",
                metadata: [
                    "case_id": "\(event.caseID)", "event.type": "\(event.type)", "event.sequence": "\(event.sequence)",
                    "skipped": "\(outcome.skippedEffects.joined(separator: "; "))",
                ])
        }
    }
}
