public import GridDomain

/// The case progress one consumer batch sees, in event order, so that a deadline card is judged
/// against every step before it on the topic — those of earlier batches (read once per batch) and
/// those earlier in the same batch. Pure: no I/O.
public struct ProgressLedger: Sendable {
    private var known: [CaseID: CaseProgress]
    private var touched: Set<CaseID> = []

    /// Starts from the stored progress of the cases whose cards the batch holds (cases absent from
    /// `stored` have no stored progress).
    public init(stored: [CaseID: CaseProgress]) {
        known = stored
    }

    /// Takes a lifecycle event of the batch into account.
    public mutating func apply(_ step: StepProgress) {
        known[step.caseId, default: CaseProgress()].apply(step)
        touched.insert(step.caseId)
    }

    /// The progress known of `caseId`, if any.
    public func progress(of caseId: CaseID) -> CaseProgress? { known[caseId] }

    /// Why `card` must not be sent — the case has left the run of the stage it warns about — or `nil`
    /// when it is current (or nothing says otherwise).
    public func suppressionReason(for card: DeadlineCardV1) -> String? {
        guard let progress = known[card.caseId], let ended = progress.end(of: card.stage, after: card.asOfSequence) else {
            return nil
        }
        return "stale \(card.card.rawValue) card: stage \(card.stage.rawValue) (\(card.stage.chineseName)) ended at sequence \(ended), "
            + "after the card's sequence \(card.asOfSequence); the case is \(progress.state) as of sequence \(progress.lastSequence)"
    }

    /// The progress of every case the batch's events changed, to store (merged with what is stored).
    public var changes: [CaseID: CaseProgress] {
        known.filter { touched.contains($0.key) }
    }
}
