import Foundation
public import GridDomain

/// What the assessment service knows about one case: one row of `assessment.case_facts`, built only
/// from the events of `gridloop.case.lifecycle` (each event's snapshot plus the step's own time).
///
/// The indicators (`IndicatorFormulas`) count these rows; the derived values (``breachedRuns``,
/// ``lateDisposals``, ``firstBreachAt``, ``dueForClosingAt``) are kept up to date by
/// ``apply(_:)-(CaseEventFact)`` so the database can count them without re-reading history.
public struct CaseFact: Sendable, Hashable {
    /// Counts carried by the case snapshots (`CaseCountersV1`).
    public struct Counters: Sendable, Hashable {
        /// Failed checks that sent the case back to its unit (返工).
        public var reworkCount = 0
        /// Returns by a unit (退回).
        public var returnCount = 0
        /// Re-dispatches (改派).
        public var redispatchCount = 0
        /// Extension requests (延期申请).
        public var extensionRequestCount = 0
        /// Extensions granted.
        public var extensionsGranted = 0
        /// Times parked (挂账).
        public var parkCount = 0
        /// Escalations to a higher level.
        public var escalationCount = 0
        /// Disposed of on the spot by the reporting grid worker (自行处置).
        public var selfDisposed = false

        /// Zero counts.
        public init() {}

        /// The counts of a snapshot.
        public init(_ counters: CaseCountersV1) {
            reworkCount = counters.reworkCount
            returnCount = counters.returnCount
            redispatchCount = counters.redispatchCount
            extensionRequestCount = counters.extensionRequestCount
            extensionsGranted = counters.extensionsGranted.count
            parkCount = counters.parkCount
            escalationCount = counters.escalationCount
            selfDisposed = counters.selfDisposed
        }
    }

    /// The case.
    public var caseID: CaseID
    /// The human case number.
    public var caseNumber: String
    /// Grid, community, street, district and area class, as intake located the case.
    public var placement: CasePlacementV1
    /// The category in force.
    public var category: CategoryCode?
    /// How the report arrived.
    public var channel: CaseChannel
    /// The current lead unit (主办).
    public var leadUnit: UnitID?
    /// The lead unit when the first disposal was reported: the department the case is assessed
    /// against once disposed.
    public var disposingUnit: UnitID?
    /// The current state.
    public var state: CaseState
    /// When the problem was reported (the channel's time).
    public var reportedAt: Date
    /// When the case was opened on the platform.
    public var openedAt: Date
    /// When the case was filed (立案), first time.
    public var filedAt: Date?
    /// When the case was first dispatched.
    public var firstDispatchedAt: Date?
    /// When the case was last dispatched or re-dispatched.
    public var dispatchedAt: Date?
    /// When a disposal was first reported (处置反馈).
    public var firstDisposedAt: Date?
    /// When a disposal was last reported.
    public var disposedAt: Date?
    /// When a check first failed (返工).
    public var firstReworkAt: Date?
    /// When the case was closed (结案), including self-disposal.
    public var closedAt: Date?
    /// When the case was voided (作废).
    public var voidedAt: Date?
    /// When the case was marked a duplicate.
    public var duplicateAt: Date?
    /// When the report was not filed (不受理 / 不予立案).
    public var notFiledAt: Date?
    /// Counts from the latest snapshot.
    public var counters: Counters
    /// The latest disposal run, if the case ever entered disposal.
    public var disposalRun: DisposalRun?
    /// Breached runs before ``disposalRun``.
    public var earlierBreachedRuns: Int
    /// Late disposals before ``disposalRun``.
    public var earlierLateDisposals: Int
    /// The due time of the first breached run before ``disposalRun``.
    public var earlierFirstBreachAt: Date?
    /// The sequence of the last lifecycle step applied.
    public var lastSequence: Int
    /// When the last step happened.
    public var updatedAt: Date
}

extension CaseFact {
    /// A fact with nothing recorded yet but the case's identity.
    public init(
        caseID: CaseID, caseNumber: String, channel: CaseChannel, state: CaseState, reportedAt: Date,
        openedAt: Date? = nil, placement: CasePlacementV1 = .unknown
    ) {
        self.caseID = caseID
        self.caseNumber = caseNumber
        self.placement = placement
        self.category = nil
        self.channel = channel
        self.leadUnit = nil
        self.disposingUnit = nil
        self.state = state
        self.reportedAt = reportedAt
        self.openedAt = openedAt ?? reportedAt
        self.filedAt = nil
        self.firstDispatchedAt = nil
        self.dispatchedAt = nil
        self.firstDisposedAt = nil
        self.disposedAt = nil
        self.firstReworkAt = nil
        self.closedAt = nil
        self.voidedAt = nil
        self.duplicateAt = nil
        self.notFiledAt = nil
        self.counters = Counters()
        self.disposalRun = nil
        self.earlierBreachedRuns = 0
        self.earlierLateDisposals = 0
        self.earlierFirstBreachAt = nil
        self.lastSequence = 0
        self.updatedAt = openedAt ?? reportedAt
    }

    /// A fact for a case first seen in `snapshot` (normally the opening event's).
    public init(snapshot: CaseSnapshotV1) {
        self.init(
            caseID: snapshot.caseId, caseNumber: snapshot.caseNumber.rawValue, channel: snapshot.channel,
            state: snapshot.state, reportedAt: snapshot.reportedAt, openedAt: snapshot.openedAt, placement: snapshot.placement)
        category = snapshot.category
        leadUnit = snapshot.leadUnit
        counters = Counters(snapshot.counters)
        updatedAt = snapshot.updatedAt
    }
}
