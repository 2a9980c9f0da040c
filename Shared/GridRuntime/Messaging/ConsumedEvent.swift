/// What an ``EventConsumer`` handler receives: the record as consumed and, on CloudEvents topics, the
/// decoded event.
public struct ConsumedEvent: InboxMessage {
    /// The record, with topic, partition and offset.
    public let message: IncomingMessage
    /// The decoded CloudEvent; `nil` on topics configured as raw (``EventConsumer/Configuration/rawTopics``).
    public let event: CloudEvent?
    /// The inbox key: the event's `source` and `id`, or the raw topic's key.
    public let inboxKey: InboxKey

    /// Creates a consumed event.
    public init(message: IncomingMessage, event: CloudEvent?, inboxKey: InboxKey) {
        self.message = message
        self.event = event
        self.inboxKey = inboxKey
    }

    /// The CloudEvent, or an ``EventRejection`` (dead-lettered) when the topic carries raw records.
    public func requireEvent() throws(EventRejection) -> CloudEvent {
        guard let event else {
            throw EventRejection(.unsupportedEventType, "record on \(message.topic) is not a CloudEvent")
        }
        return event
    }
}
