public import GridDomain

/// The reporter records as one consumer batch sees them, in event order, so that a batch is read with
/// one query and written with two statements and still ends exactly as handling its events one by one
/// would: an opening event records the case's reporter unless one is recorded (the first wins); a
/// close takes the record away (the table keeps open cases only). Pure: no I/O.
public struct ReporterLedger: Sendable {
    /// What the batch changes in `case_reporters`.
    public struct Changes: Sendable, Hashable {
        /// Cases whose stored record is deleted (applied first).
        public var removed: Set<CaseID> = []
        /// Records inserted (applied after the deletions; an existing record wins).
        public var recorded: [CaseID: ReporterOnRecord] = [:]
    }

    /// What the ledger knows of a case: loaded from the table or set by an earlier event of the batch.
    /// A key with a `nil` value means "known to have no record".
    private var known: [CaseID: ReporterOnRecord?]
    /// The changes so far.
    public private(set) var changes = Changes()

    /// Starts from the stored records of the cases looked up (`lookedUp`); those without a record are
    /// known to have none. Cases not looked up are unknown: an opening event inserts with
    /// `ON CONFLICT DO NOTHING`, which keeps a stored record.
    public init(stored: [CaseID: ReporterOnRecord], lookedUp: Set<CaseID>) {
        known = Dictionary(uniqueKeysWithValues: lookedUp.map { ($0, stored[$0]) })
    }

    /// An opening event's reporter: recorded unless the case already has one.
    public mutating func open(_ caseId: CaseID, reporter: ReporterOnRecord) {
        if case .some(.some) = known[caseId] { return }
        known[caseId] = .some(reporter)
        changes.recorded[caseId] = reporter
    }

    /// The reporter of `caseId` for a notice; with `removing` (at close) the record is taken away.
    public mutating func reporter(of caseId: CaseID, removing: Bool) -> ReporterOnRecord? {
        let reporter = known[caseId] ?? nil
        if removing {
            known[caseId] = .some(nil)
            changes.recorded[caseId] = nil
            changes.removed.insert(caseId)
        }
        return reporter
    }
}
