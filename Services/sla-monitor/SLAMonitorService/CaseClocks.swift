public import GridDomain

/// The monitor's state of one case while events are applied: the last lifecycle sequence applied, the
/// latest snapshot (cards carry it) and the latest run of each stage's clock, plus what changed.
public struct CaseClocks: Sendable {
    /// The case.
    public let caseID: CaseID
    /// The sequence of the last lifecycle event applied; 0 before the first.
    public internal(set) var lastSequence: Int
    /// The case after the last event applied here (`nil` when loaded: the consumer does not read the
    /// stored snapshot back, the next event replaces it).
    public internal(set) var snapshot: CaseSnapshotV1?
    /// The latest run of each stage (earlier runs are stopped and not loaded), plus runs stopped here.
    public internal(set) var runs: [TrackedClock.Key: TrackedClock]
    /// The latest run number per stage.
    var latestRun: [CaseStage: Int]
    /// Runs created or changed since loading.
    public internal(set) var changedRuns: Set<TrackedClock.Key> = []
    /// True when an event was applied since loading (the case row must be written).
    public internal(set) var isChanged = false

    /// A case the monitor has not seen yet.
    public init(caseID: CaseID) {
        self.init(caseID: caseID, lastSequence: 0, snapshot: nil, latestRuns: [])
    }

    /// A case as loaded: its last sequence and snapshot, and the latest run of each stage.
    public init(caseID: CaseID, lastSequence: Int, snapshot: CaseSnapshotV1?, latestRuns: [TrackedClock]) {
        self.caseID = caseID
        self.lastSequence = lastSequence
        self.snapshot = snapshot
        self.runs = Dictionary(latestRuns.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        self.latestRun = latestRuns.reduce(into: [:]) { latest, run in
            latest[run.key.stage] = max(latest[run.key.stage] ?? 0, run.key.run)
        }
    }

    /// The latest run of `stage`, if any.
    public func latest(_ stage: CaseStage) -> TrackedClock? {
        latestRun[stage].flatMap { runs[TrackedClock.Key(caseID: caseID, stage: stage, run: $0)] }
    }

    /// The latest run of `stage` when it is running or paused.
    public func active(_ stage: CaseStage) -> TrackedClock? {
        latest(stage).flatMap { $0.isActive ? $0 : nil }
    }

    /// Every running or paused run.
    public var activeRuns: [TrackedClock] {
        runs.values.filter(\.isActive).sorted { $0.key.stage.rawValue < $1.key.stage.rawValue }
    }

    /// The runs to write.
    public var changed: [TrackedClock] {
        changedRuns.compactMap { runs[$0] }
    }

    /// Replaces a run and marks it changed.
    mutating func update(_ run: TrackedClock) {
        runs[run.key] = run
        changedRuns.insert(run.key)
    }

    /// Adds the next run of a stage and marks it changed.
    mutating func addRun(stage: CaseStage, make: (TrackedClock.Key) throws(ClockUpdateError) -> TrackedClock)
        throws(ClockUpdateError)
    {
        let key = TrackedClock.Key(caseID: caseID, stage: stage, run: (latestRun[stage] ?? 0) + 1)
        let run = try make(key)
        latestRun[stage] = key.run
        update(run)
    }

    /// Records that the changes were written: only later changes are written next time.
    mutating func markSaved() {
        changedRuns.removeAll()
        isChanged = false
    }

    /// Records that an event was applied.
    mutating func advance(to sequence: Int, snapshot: CaseSnapshotV1) {
        lastSequence = sequence
        self.snapshot = snapshot
        isChanged = true
    }
}
