#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GridDomain

/// The JSON body of a webhook request, written with `ContractJSON` (keys lowerCamelCase and sorted,
/// times RFC 3339 UTC with milliseconds). The same delivery
/// may arrive more than once (at-least-once): receivers drop repeats by `id`, which is also sent as
/// the `Idempotency-Key` header.
public struct WebhookMessage: Sendable, Hashable, Codable {
    /// The delivery id.
    public var id: UUID
    /// The case id (lower-case in JSON, as in the events).
    public var caseId: CaseID
    /// The case number.
    public var caseNumber: String
    /// The event's identity (several deliveries of one event share it).
    public var eventKey: String
    /// The CloudEvents type of the event.
    public var eventType: String
    /// The recipient's text form (`unit:D339901-SANITATION`, `reporter:12345`).
    public var recipient: String
    /// The recipient's name.
    public var recipientName: String
    /// The template used.
    public var template: String
    /// The title (zh-CN).
    public var title: String
    /// The body (zh-CN).
    public var body: String
    /// The attempt number (1 for the first).
    public var attempt: Int
    /// When the delivery was recorded.
    public var createdAt: Date

    /// The message of a claimed delivery.
    public init(_ delivery: ClaimedDelivery) {
        self.id = delivery.id
        self.caseId = CaseID(rawValue: delivery.caseId)
        self.caseNumber = delivery.caseNumber
        self.eventKey = delivery.eventKey
        self.eventType = delivery.eventType
        self.recipient = delivery.recipient
        self.recipientName = delivery.recipientName
        self.template = delivery.template
        self.title = delivery.title
        self.body = delivery.body
        self.attempt = delivery.attempt
        self.createdAt = delivery.createdAt
    }
}
