#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
public import GridDomain

/// The lifecycle-topic events the notification service acts on; every other event is skipped.
public enum NotifiableEvent: Sendable, Hashable {
    /// `gridloop.case.reported.v1`: the service records how to reach the reporter at close.
    case opened(CaseReportedV1)
    /// `gridloop.case.dispatched.v1` or `gridloop.case.redispatched.v1`.
    case dispatched(CaseStepV1)
    /// `gridloop.case.closed.v1`.
    case closed(CaseStepV1)
    /// `gridloop.deadline.yellow-card.v1` or `gridloop.deadline.red-card.v1`.
    case card(DeadlineCardV1)
    /// `gridloop.dispatch.manual-required.v1`.
    case manualDispatch(ManualDispatchRequiredV1)

    /// The notifiable part of a lifecycle-topic event, or `nil` for events the service ignores.
    public init?(_ event: LifecycleTopicEventV1) {
        switch event {
        case .reported(let opened): self = .opened(opened)
        case .step(let step) where step.action.kind == .dispatch || step.action.kind == .redispatch: self = .dispatched(step)
        case .step(let step) where step.action.kind == .close: self = .closed(step)
        case .yellowCard(let card), .redCard(let card): self = .card(card)
        case .manualDispatchRequired(let notice): self = .manualDispatch(notice)
        case .step, .unknown: return nil
        }
    }

    /// The trigger of the routes that apply; `nil` for ``opened(_:)``, which only records the reporter.
    public var trigger: NotificationTrigger? {
        switch self {
        case .opened: nil
        case .dispatched(let step): step.action.kind == .redispatch ? .redispatched : .dispatched
        case .closed: .closed
        case .card(let card): card.card == .yellow ? .yellowCard : .redCard
        case .manualDispatch: .manualRequired
        }
    }

    /// The case.
    public var caseId: CaseID { snapshot.caseId }

    /// The case as the event describes it.
    public var snapshot: CaseSnapshotV1 {
        switch self {
        case .opened(let opened): opened.snapshot
        case .dispatched(let step), .closed(let step): step.snapshot
        case .card(let card): card.snapshot
        case .manualDispatch(let notice): notice.snapshot
        }
    }

    /// When it happened: the step's time, the card's issue time, the notice's detection time.
    public var occurredAt: Date {
        switch self {
        case .opened(let opened): opened.occurredAt
        case .dispatched(let step), .closed(let step): step.occurredAt
        case .card(let card): card.issuedAt
        case .manualDispatch(let notice): notice.detectedAt
        }
    }

    /// What makes the event the same event however often and by whichever replica it is published:
    ///
    /// - a step: `<case id>/<sequence>` (a case's timeline has one event per sequence);
    /// - a card: `<case id>/<card>/<stage>/<stage start in ms>` (sla-monitor issues at most one card
    ///   of each colour per run of a stage clock);
    /// - a manual-dispatch notice: `<case id>/manual-required/<as-of sequence>/<reason>`.
    ///
    /// Deliveries are unique per (event key, recipient, channel): this is the "never twice" guarantee,
    /// and it holds even if a producer published the same event again under a new CloudEvents id.
    public var eventKey: String {
        switch self {
        case .opened(let opened): "\(opened.caseId)/\(opened.sequence)"
        case .dispatched(let step), .closed(let step): "\(step.caseId)/\(step.sequence)"
        case .card(let card):
            "\(card.caseId)/\(card.card.rawValue)-card/\(card.stage.rawValue)/\(Int64((card.stageStartedAt.timeIntervalSince1970 * 1000).rounded()))"
        case .manualDispatch(let notice): "\(notice.caseId)/manual-required/\(notice.asOfSequence)/\(notice.reason.rawValue)"
        }
    }
}
