public import Foundation
public import GridDomain

/// Which card a running clock earns now, and the card data.
///
/// At most one yellow and one red card per run: a yellow card once the yellow threshold is reached, a
/// red card the second after the due time. When a clock is already past its due time and has no yellow
/// card yet (the monitor was down, or an extension came too late), only the red card is issued — a
/// warning that the deadline approaches would come after the deadline.
public enum DeadlineCards {
    /// The card `run` earns at `now`, given its card times, or `nil`.
    public static func due(for run: TrackedClock, times: ClockTimes, at now: Date) -> DeadlineCardV1.Card? {
        guard run.status == .running, run.redIssuedAt == nil else { return nil }
        if let redAt = times.redAt, now >= redAt { return .red }
        if run.yellowIssuedAt == nil, let yellowAt = times.yellowAt, now >= yellowAt { return .yellow }
        return nil
    }

    /// When the next card of `run` falls due: the yellow threshold until a yellow card is issued, then
    /// the red time; `nil` once red or while paused or stopped.
    public static func nextCardAt(for run: TrackedClock, times: ClockTimes) -> Date? {
        guard run.status == .running, run.redIssuedAt == nil else { return nil }
        return run.yellowIssuedAt == nil ? times.yellowAt : times.redAt
    }

    /// The card data for `run` of the case as of `snapshot`.
    public static func card(
        _ card: DeadlineCardV1.Card, for run: TrackedClock, dueAt: Date, snapshot: CaseSnapshotV1, issuedAt: Date,
        reference: DeadlineReference
    ) -> DeadlineCardV1 {
        DeadlineCardV1(
            caseId: run.key.caseID, card: card, stage: run.key.stage, stageStartedAt: run.clock.startedAt, dueAt: dueAt,
            limit: TimeLimitV1(run.clock.limit), extensions: run.clock.extensions.map { TimeLimitV1($0.granted) },
            escalation: reference.escalation(for: run.escalation, snapshot: snapshot), issuedAt: issuedAt,
            asOfSequence: snapshot.lastSequence, snapshot: snapshot)
    }
}
