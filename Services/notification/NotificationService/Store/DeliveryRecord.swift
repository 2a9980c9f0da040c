#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GridDomain

/// A row of `deliveries` as the HTTP API shows it.
public struct DeliveryRecord: Sendable, Hashable, Codable {
    /// The delivery's id (the webhook's `Idempotency-Key`).
    public var id: UUID
    /// The event's identity.
    public var eventKey: String
    /// The CloudEvents id of the event.
    public var eventId: String
    /// The CloudEvents type of the event.
    public var eventType: String
    /// The case (lower-case in JSON, as in the events).
    public var caseId: CaseID
    /// The case number.
    public var caseNumber: String
    /// The recipient's text form (`unit:D339901-SANITATION`).
    public var recipient: String
    /// The recipient's name.
    public var recipientName: String
    /// `webhook`, `sink` or `none`.
    public var channel: String
    /// The webhook URL without its query, or the sink mailbox.
    public var address: String
    /// The template's name.
    public var template: String
    /// The rendered, masked title.
    public var title: String
    /// The rendered, masked body.
    public var body: String
    /// `pending`, `sending`, `sent` or `failed`.
    public var status: String
    /// Attempts so far.
    public var attempts: Int
    /// When the next attempt is due (pending), or the claim's lease ends (sending).
    public var nextAttemptAt: Date?
    /// When the last attempt started.
    public var lastAttemptAt: Date?
    /// The last failure, if any.
    public var lastError: String?
    /// When the delivery was recorded.
    public var createdAt: Date
    /// When the channel accepted it.
    public var sentAt: Date?
}
