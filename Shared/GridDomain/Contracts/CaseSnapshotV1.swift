import Foundation

/// The case after a step, carried by every lifecycle event (and by deadline and manual-dispatch
/// notices), so consumers that do not replay — sla-monitor, notification, assessment — have what they
/// need without another source. It holds no personal data.
public struct CaseSnapshotV1: Sendable, Hashable, Codable {
    /// A pending extension or parking request.
    public struct PendingRequestV1: Sendable, Hashable, Codable {
        /// `extension` or `park`.
        public var kind: Kind
        /// The amount asked for (extension requests only).
        public var requested: TimeLimitV1?
        /// When the request was made.
        public var requestedAt: Date

        /// What is requested.
        public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
            /// 延期申请.
            case `extension`
            /// 挂账申请.
            case park
        }

        /// The contract form of a domain request.
        public init(_ request: PendingRequest) {
            switch request {
            case .extensionRequest(let amount, _, let at):
                self.kind = .extension
                self.requested = TimeLimitV1(amount)
                self.requestedAt = at
            case .parkRequest(_, let at):
                self.kind = .park
                self.requested = nil
                self.requestedAt = at
            }
        }

        private enum CodingKeys: String, CodingKey { case kind, requested, requestedAt }
    }

    /// A joint response (吹哨报到): who was summoned and who has reported.
    public struct JointResponseV1: Sendable, Hashable, Codable {
        /// The departments summoned, in the order named.
        public var summoned: [UnitID]
        /// The departments that have reported at the scene, in the order summoned.
        public var arrived: [UnitID]
        /// When the whistle was blown.
        public var blownAt: Date

        /// The contract form of a domain joint response.
        public init(_ response: JointResponse) {
            self.summoned = response.summoned
            self.arrived = response.summoned.filter { response.arrivals[$0] != nil }
            self.blownAt = response.blownAt
        }

        private enum CodingKeys: String, CodingKey { case summoned, arrived, blownAt }
    }

    /// The hotline call-back (回访) result.
    public struct CallbackV1: Sendable, Hashable, Codable {
        /// The caller's rating.
        public var satisfaction: Satisfaction
        /// When the call-back was made.
        public var calledBackAt: Date

        /// The contract form of a domain call-back (the note stays with the case owner).
        public init(_ callback: CaseCallback) {
            self.satisfaction = callback.satisfaction
            self.calledBackAt = callback.calledBackAt
        }

        private enum CodingKeys: String, CodingKey { case satisfaction, calledBackAt }
    }

    /// The case.
    public var caseId: CaseID
    /// The human case number.
    public var caseNumber: CaseNumber
    /// The state after the step.
    public var state: CaseState
    /// The category in force, when known.
    public var category: CategoryCode?
    /// The urgency in force.
    public var urgency: Urgency
    /// How the report arrived.
    public var channel: CaseChannel
    /// Grid, community, street, district and area class.
    public var placement: CasePlacementV1
    /// The current lead unit (主办), once dispatched.
    public var leadUnit: UnitID?
    /// The current co-units (协办); empty before dispatch.
    public var coUnits: [UnitID]
    /// When the report was made (the channel's time).
    public var reportedAt: Date
    /// When the case was opened on the platform.
    public var openedAt: Date
    /// When the last step was applied.
    public var updatedAt: Date
    /// The sequence number of the last step (the event's own sequence in lifecycle events).
    public var lastSequence: Int
    /// Counts for assessment.
    public var counters: CaseCountersV1
    /// An extension or parking request waiting for a decision.
    public var pendingRequest: PendingRequestV1?
    /// The outcome of the last on-site verification, when one was made.
    public var verificationConfirmed: Bool?
    /// The open case this one repeats, when marked duplicate.
    public var duplicateOf: CaseID?
    /// The level the case was last escalated to.
    public var escalatedTo: GovernanceLevel?
    /// The joint response, when a whistle was blown.
    public var jointResponse: JointResponseV1?
    /// The call-back result, when recorded.
    public var callback: CallbackV1?
    /// The sending system's reference (e.g. the 12345 work-order number), to sync status back.
    public var externalReference: String?

    /// The snapshot of a case, with its placement.
    public init(case current: Case, placement: CasePlacementV1) {
        self.caseId = current.id
        self.caseNumber = current.number
        self.state = current.state
        self.category = current.category
        self.urgency = current.urgency
        self.channel = current.report.channel
        self.placement = placement
        self.leadUnit = current.assignment?.lead
        self.coUnits = current.assignment?.coUnits ?? []
        self.reportedAt = current.report.reportedAt
        self.openedAt = current.openedAt
        self.updatedAt = current.updatedAt
        self.lastSequence = current.lastSequence
        self.counters = CaseCountersV1(current.counters)
        self.pendingRequest = current.pendingRequest.map(PendingRequestV1.init)
        self.verificationConfirmed = current.verification?.confirmed
        self.duplicateOf = current.duplicateOf
        self.escalatedTo = current.escalatedTo
        self.jointResponse = current.jointResponse.map(JointResponseV1.init)
        self.callback = current.callback.map(CallbackV1.init)
        self.externalReference = current.report.externalReference
    }

    private enum CodingKeys: String, CodingKey {
        case caseId, caseNumber, state, category, urgency, channel, placement, leadUnit, coUnits, reportedAt, openedAt
        case updatedAt, lastSequence, counters, pendingRequest, verificationConfirmed, duplicateOf, escalatedTo
        case jointResponse, callback, externalReference
    }
}
