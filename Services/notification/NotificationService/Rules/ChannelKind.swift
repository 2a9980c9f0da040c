/// How a notification travels to its recipient.
public enum ChannelKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// HTTP POST of a JSON message to the contact's URL, with an `Idempotency-Key` header.
    case webhook
    /// The local development sink: the message is stored in the `sink_messages` table and logged.
    case sink
    /// No contact is configured for the recipient: the delivery is recorded as failed.
    case none
}
