#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif


/// A delivery a worker has claimed and is about to send.
public struct ClaimedDelivery: Sendable, Hashable {
    /// The delivery's id (the webhook's `Idempotency-Key`).
    public var id: UUID
    /// The case.
    public var caseId: UUID
    /// The case number.
    public var caseNumber: String
    /// The event's identity.
    public var eventKey: String
    /// The CloudEvents type of the event.
    public var eventType: String
    /// The recipient's text form.
    public var recipient: String
    /// The recipient's name.
    public var recipientName: String
    /// The channel.
    public var channel: ChannelKind
    /// The webhook URL or sink mailbox.
    public var address: String
    /// The template's name.
    public var template: String
    /// The rendered title.
    public var title: String
    /// The rendered body.
    public var body: String
    /// The case's most precise place code, if known.
    public var place: String?
    /// This attempt's number (1 for the first).
    public var attempt: Int
    /// When the delivery was recorded.
    public var createdAt: Date

    /// Creates a claimed delivery (the store does this).
    public init(
        id: UUID, caseId: UUID, caseNumber: String, eventKey: String, eventType: String, recipient: String, recipientName: String,
        channel: ChannelKind, address: String, template: String, title: String, body: String, place: String?, attempt: Int,
        createdAt: Date
    ) {
        self.id = id
        self.caseId = caseId
        self.caseNumber = caseNumber
        self.eventKey = eventKey
        self.eventType = eventType
        self.recipient = recipient
        self.recipientName = recipientName
        self.channel = channel
        self.address = address
        self.template = template
        self.title = title
        self.body = body
        self.place = place
        self.attempt = attempt
        self.createdAt = createdAt
    }
}
