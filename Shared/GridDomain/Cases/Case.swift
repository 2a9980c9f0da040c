import Foundation

/// A case (案件): a reported problem and everything that has happened to it so far.
///
/// Create one with `CaseLifecycle.open(…)` and move it only with `CaseLifecycle.apply(…)`, which
/// checks each step and returns the event to record in the case's timeline. The properties are
/// read-only outside the module so a case cannot reach a state the lifecycle does not allow.
public struct Case: Sendable, Hashable, Codable, Identifiable {
    /// The stable identity.
    public let id: CaseID
    /// The human case number.
    public let number: CaseNumber
    /// The report as it arrived.
    public let report: CaseReport
    /// The category in force: the reported one, or the one set at filing.
    public internal(set) var category: CategoryCode?
    /// The urgency in force.
    public internal(set) var urgency: Urgency
    /// Where the case stands.
    public internal(set) var state: CaseState
    /// An extension or parking request waiting for a decision (only while `inDisposal`).
    public internal(set) var pendingRequest: PendingRequest?
    /// The current lead and co-units, once dispatched.
    public internal(set) var assignment: CaseAssignment?
    /// The last on-site verification, when one was made.
    public internal(set) var verification: CaseVerification?
    /// The open case this one repeats, when marked duplicate.
    public internal(set) var duplicateOf: CaseID?
    /// The level the case was last escalated to.
    public internal(set) var escalatedTo: GovernanceLevel?
    /// The joint response, when a whistle was blown.
    public internal(set) var jointResponse: JointResponse?
    /// The hotline call-back, when made.
    public internal(set) var callback: CaseCallback?
    /// Counts for assessment (rework, extensions, returns, re-dispatches, parking…).
    public internal(set) var counters: CaseCounters
    /// When the case was opened on the platform.
    public let openedAt: Date
    /// When the last step was applied.
    public internal(set) var updatedAt: Date
    /// The sequence number of the last event (1 for the opening event).
    public internal(set) var lastSequence: Int

    init(id: CaseID, number: CaseNumber, report: CaseReport, openedAt: Date) {
        self.id = id
        self.number = number
        self.report = report
        self.category = report.category
        self.urgency = report.urgency
        self.state = .reported
        self.counters = CaseCounters()
        self.openedAt = openedAt
        self.updatedAt = openedAt
        self.lastSequence = 1
    }

    /// True when the case has reached a terminal state.
    public var isFinished: Bool { state.isTerminal }
}
