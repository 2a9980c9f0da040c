import CoreMetrics
import Foundation
import GridDomain
import Logging
import PostgresNIO

/// Applies a batch of lifecycle events to the stage clocks inside the caller's transaction: loads every
/// case of the batch in one query, applies the events in order with the ``ClockBook``, and writes the
/// changed cases and runs back in two statements.
struct LifecycleApplier: Sendable {
    let book: ClockBook
    let store: CaseClockStore
    let metrics: SLAMetrics
    /// Cards due sooner than this after a batch wake the timer (its longest sleep).
    let wakeHorizon: Duration
    let logger: Logger

    /// Applies `events` in order.
    /// - Throws: ``ClockUpdateError`` for the first event whose deadlines cannot be computed (the caller
    ///   rolls back and isolates it), or the database error.
    func apply(_ events: [LifecycleInput], on connection: PostgresConnection, now: Date) async throws {
        guard !events.isEmpty else { return }
        var cases = try await store.load(events.map(\.caseID), on: connection, logger: logger)
        var applied = 0
        var stale = 0
        for event in events {
            var clocks = cases[event.caseID] ?? CaseClocks(caseID: event.caseID)
            let outcome: ClockBook.Outcome
            do {
                outcome = try book.apply(event, to: &clocks)
            } catch {
                metrics.rejected.increment()
                logger.error(
                    "lifecycle event cannot be applied to the stage clocks",
                    metadata: [
                        "case_id": "\(event.caseID)", "event.type": "\(event.type)", "event.sequence": "\(event.sequence)",
                        "error": "\(error)",
                    ])
                throw error
            }
            cases[event.caseID] = clocks
            guard outcome.applied else {
                stale += 1
                continue
            }
            applied += 1
            if outcome.followsGap {
                metrics.gaps.increment()
                logger.warning(
                    "lifecycle event follows a gap in the case's sequence; applied anyway",
                    metadata: [
                        "case_id": "\(event.caseID)", "event.type": "\(event.type)", "event.sequence": "\(event.sequence)",
                    ])
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
        try await store.save(
            Array(cases.values), calendar: book.reference.calendar, now: now, wakeHorizon: wakeHorizon, on: connection, logger: logger)
        metrics.applied.increment(by: applied)
        if stale > 0 { metrics.stale.increment(by: stale) }
    }
}
