import Foundation

/// One run of a case's disposal clock (处置时限): from the step that started it (dispatch,
/// re-dispatch, rework after a failed check, a joint response) to the step that stopped it (the
/// disposal report, a return, an escalation, closing or voiding).
///
/// The due time is not computed here: the SLA monitor owns deadlines and tells them on its deadline
/// cards (`DeadlineCardV1.dueAt`). A run is **breached** (逾期) when
/// - it was stopped after the due time learned from a card of the run (yellow or red), or
/// - it has not been stopped and a red card was issued for it.
///
/// A card the monitor issued before it had seen the step that stopped, paused, resumed or extended the
/// run (its `asOfSequence` is older) is **stale** when its due time is not before that step; stale
/// cards are ignored. A red card whose due time passed before an extension or parking was approved is
/// a breach that the later approval does not undo.
public struct DisposalRun: Sendable, Hashable {
    /// The sequence of the step that started the run.
    public var startSequence: Int
    /// When the run started.
    public var startedAt: Date
    /// The due time told by the run's latest valid card; `nil` when no card has been seen since the
    /// run started or since its deadline last moved (pause, resume, extension).
    public var dueAt: Date?
    /// When the run's red card was issued, if one was.
    public var redCardAt: Date?
    /// The sequence of the last step that moved the deadline (pause, resume, extension), if any.
    public var adjustedSequence: Int?
    /// When the deadline last moved.
    public var adjustedAt: Date?
    /// The sequence of the step that stopped the run, once stopped.
    public var stopSequence: Int?
    /// When the run stopped.
    public var stoppedAt: Date?
    /// Whether the run was stopped by a disposal report (处置反馈) rather than a return, escalation,
    /// voiding or closing.
    public var endedByDisposal: Bool

    /// A run started by the step with `sequence` at `startedAt`.
    public init(startSequence: Int, startedAt: Date) {
        self.startSequence = startSequence
        self.startedAt = startedAt
        self.dueAt = nil
        self.redCardAt = nil
        self.adjustedSequence = nil
        self.adjustedAt = nil
        self.stopSequence = nil
        self.stoppedAt = nil
        self.endedByDisposal = false
    }

    /// Whether the run is still going.
    public var isOpen: Bool { stoppedAt == nil }

    /// Whether the run breached its deadline (see the type's documentation).
    public var isBreached: Bool {
        guard let dueAt else { return false }
        if let stoppedAt { return stoppedAt > dueAt }
        return redCardAt != nil
    }

    /// Whether the run ended with a disposal report made after its due time (late disposal).
    public var isLateDisposal: Bool { endedByDisposal && isBreached }

    /// Stops the run (no effect on a run already stopped).
    public mutating func stop(sequence: Int, at time: Date, byDisposal: Bool) {
        guard isOpen else { return }
        stopSequence = sequence
        stoppedAt = time
        endedByDisposal = byDisposal
    }

    /// The deadline moved (pause, resume or extension) at `time`. The due time known so far no longer
    /// holds, unless a red card already showed it breached before `time`.
    public mutating func adjust(sequence: Int, at time: Date) {
        guard isOpen else { return }
        adjustedSequence = sequence
        adjustedAt = time
        if let dueAt, redCardAt != nil, dueAt < time { return }
        dueAt = nil
        redCardAt = nil
    }

    /// Takes a deadline card of the run into account.
    /// - Parameters:
    ///   - dueAt: The card's due time.
    ///   - issuedAt: When the card was issued.
    ///   - isRed: Whether it is a red card.
    ///   - asOfSequence: The last step the monitor had applied when it issued the card.
    /// - Returns: Whether the card was taken into account (`false` for a stale card or one of an
    ///   earlier run).
    @discardableResult
    public mutating func apply(cardDueAt dueAt: Date, issuedAt: Date, isRed: Bool, asOfSequence: Int) -> Bool {
        guard asOfSequence >= startSequence else { return false }
        if let adjustedSequence, let adjustedAt, asOfSequence < adjustedSequence, dueAt >= adjustedAt { return false }
        if let stopSequence, asOfSequence >= stopSequence { return false }
        if let stoppedAt, asOfSequence < (stopSequence ?? Int.max), dueAt >= stoppedAt { return false }
        self.dueAt = dueAt
        if isRed, redCardAt == nil { redCardAt = issuedAt }
        return true
    }
}
