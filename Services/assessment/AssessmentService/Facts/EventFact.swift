import Foundation
public import GridDomain

/// One event of `gridloop.case.lifecycle` as assessment records it: a row of `assessment.event_facts`.
/// Red and yellow cards are counted from these rows (overdue counts by stage); the steps keep a
/// case's history for audits and later indicators.
public struct EventFact: Sendable, Hashable {
    /// What kind of event: a step's `action.step` (`file`, `report_disposal`…), or `reported`,
    /// `yellow_card`, `red_card`, `manual_dispatch_required`.
    public struct Kind: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The stored name.
        public let rawValue: String
        /// A kind from its stored name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The stored name.
        public var description: String { rawValue }

        /// A case was opened.
        public static let reported = Kind(rawValue: "reported")
        /// A yellow card (黄牌).
        public static let yellowCard = Kind(rawValue: "yellow_card")
        /// A red card (红牌).
        public static let redCard = Kind(rawValue: "red_card")
        /// Routing could not dispatch automatically.
        public static let manualDispatchRequired = Kind(rawValue: "manual_dispatch_required")
        /// A lifecycle step.
        public static func step(_ kind: CaseAction.Kind) -> Kind { Kind(rawValue: kind.rawValue) }
    }

    /// The CloudEvents id (unique per source); cards and notices are deduplicated by it.
    public var eventID: String
    /// The case.
    public var caseID: CaseID
    /// The step's sequence (1 for the opening event); `nil` for cards and notices. Steps are
    /// deduplicated by case and sequence.
    public var sequence: Int?
    /// The CloudEvents type.
    public var type: String
    /// The kind.
    public var kind: Kind
    /// When it happened: the step's time, or when the card or notice was issued.
    public var at: Date
    /// The unit the actor acted for (steps).
    public var actorUnit: UnitID?
    /// The case's lead unit in the event's snapshot.
    public var leadUnit: UnitID?
    /// The timed stage (cards).
    public var stage: CaseStage?
    /// The stage's due time (cards).
    public var dueAt: Date?
    /// The case's placement.
    public var placement: CasePlacementV1
    /// The case's category in the event's snapshot.
    public var category: CategoryCode?

    /// The fact of a decoded lifecycle-topic event with CloudEvents id `eventID`; `nil` for an
    /// unknown type.
    public init?(eventID: String, event: LifecycleTopicEventV1) {
        let snapshot: CaseSnapshotV1
        switch event {
        case .reported(let opened):
            snapshot = opened.snapshot
            sequence = opened.sequence
            kind = .reported
            at = opened.occurredAt
            actorUnit = opened.actor.unit
        case .step(let step):
            snapshot = step.snapshot
            sequence = step.sequence
            kind = .step(step.action.kind)
            at = step.occurredAt
            actorUnit = step.actor.unit
        case .yellowCard(let card), .redCard(let card):
            snapshot = card.snapshot
            sequence = nil
            kind = card.card == .red ? .redCard : .yellowCard
            at = card.issuedAt
            actorUnit = nil
            stage = card.stage
            dueAt = card.dueAt
        case .manualDispatchRequired(let notice):
            snapshot = notice.snapshot
            sequence = nil
            kind = .manualDispatchRequired
            at = notice.detectedAt
            actorUnit = nil
        case .unknown:
            return nil
        }
        self.eventID = eventID
        self.caseID = snapshot.caseId
        self.type = event.type
        self.leadUnit = snapshot.leadUnit
        self.placement = snapshot.placement
        self.category = snapshot.category
    }
}
