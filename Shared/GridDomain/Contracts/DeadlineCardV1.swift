import Foundation

/// The data of `gridloop.deadline.yellow-card.v1` and `gridloop.deadline.red-card.v1` (红黄牌督办),
/// produced by sla-monitor on the lifecycle topic (key: the case id).
///
/// A card is **not** a lifecycle step: it has no sequence in the case's timeline and replicas do not
/// apply it. `asOfSequence` names the last lifecycle event the monitor had applied when it issued the
/// card; a consumer that has already seen a later event of the case may treat the card as stale. At
/// most one yellow and one red card are issued per run of a stage clock.
public struct DeadlineCardV1: Sendable, Hashable, Codable {
    /// Which card.
    public enum Card: String, Sendable, Hashable, Codable, CaseIterable {
        /// 黄牌: the yellow threshold is reached; the handling unit is warned.
        case yellow
        /// 红牌: the limit is breached; the escalation target is notified.
        case red
    }

    /// The case.
    public var caseId: CaseID
    /// Which card (matches the event type).
    public var card: Card
    /// The timed stage.
    public var stage: CaseStage
    /// When the stage's clock started.
    public var stageStartedAt: Date
    /// When the limit (with extensions) runs out.
    public var dueAt: Date
    /// The limit as configured by the deadline policy.
    public var limit: TimeLimitV1
    /// Extensions granted on this stage, in order.
    public var extensions: [TimeLimitV1]
    /// Where a breach is escalated.
    public var escalation: EscalationTargetV1
    /// When the monitor issued the card.
    public var issuedAt: Date
    /// The sequence of the last lifecycle event the monitor had applied.
    public var asOfSequence: Int
    /// The case as of `asOfSequence` (state, category, placement, lead unit, co-units, counters…).
    public var snapshot: CaseSnapshotV1

    /// Creates card data.
    public init(
        caseId: CaseID, card: Card, stage: CaseStage, stageStartedAt: Date, dueAt: Date, limit: TimeLimitV1,
        extensions: [TimeLimitV1], escalation: EscalationTargetV1, issuedAt: Date, asOfSequence: Int,
        snapshot: CaseSnapshotV1
    ) {
        self.caseId = caseId
        self.card = card
        self.stage = stage
        self.stageStartedAt = stageStartedAt
        self.dueAt = dueAt
        self.limit = limit
        self.extensions = extensions
        self.escalation = escalation
        self.issuedAt = issuedAt
        self.asOfSequence = asOfSequence
        self.snapshot = snapshot
    }

    /// The event type of the card.
    public var type: String { card == .yellow ? ContractEventType.yellowCard : ContractEventType.redCard }

    private enum CodingKeys: String, CodingKey {
        case caseId, card, stage, stageStartedAt, dueAt, limit, extensions, escalation, issuedAt, asOfSequence, snapshot
    }
}
