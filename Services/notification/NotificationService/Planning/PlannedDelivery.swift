#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
public import GridDomain

/// A notification to record: one recipient of one event, rendered and masked, with its channel.
public struct PlannedDelivery: Sendable, Hashable {
    /// The delivery's id (also the webhook's `Idempotency-Key`).
    public var id: UUID
    /// The event's identity (``NotifiableEvent/eventKey``).
    public var eventKey: String
    /// The CloudEvents id of the message that caused it.
    public var eventId: String
    /// The CloudEvents type.
    public var eventType: String
    /// The case.
    public var caseId: CaseID
    /// The case number.
    public var caseNumber: String
    /// The case's most precise known place code (for place-scoped reads), if any.
    public var place: String?
    /// The recipient (text form).
    public var recipient: Recipient
    /// The recipient's display name.
    public var recipientName: String
    /// The channel (``ChannelKind/none`` when no contact applies).
    public var channel: ChannelKind
    /// The webhook URL or sink mailbox; empty for ``ChannelKind/none``.
    public var address: String
    /// The template's name.
    public var template: String
    /// The rendered title.
    public var title: String
    /// The rendered body.
    public var body: String
    /// Why it cannot be sent (no contact), in which case it is recorded as failed at once.
    public var undeliverableReason: String?
    /// Why it must not be sent (a stale deadline card), in which case it is recorded as suppressed.
    /// Takes precedence over ``undeliverableReason``.
    public var suppressionReason: String? = nil
}
