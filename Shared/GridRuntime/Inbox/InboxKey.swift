/// What makes an event unique for the inbox: its CloudEvents `source` and `id` (the spec makes the
/// pair unique). For inbound records that are not CloudEvents (for example hotline work orders) the
/// consumer derives a key, such as the work-order number and revision.
public struct InboxKey: Sendable, Hashable, CustomStringConvertible {
    /// The event's source (`/gridloop/intake`), or another namespace for non-CloudEvents records.
    public var source: String
    /// The event's id, unique within ``source``.
    public var id: String

    /// Creates a key.
    public init(source: String, id: String) {
        self.source = source
        self.id = id
    }

    /// The key of a CloudEvent.
    public init(event: CloudEvent) {
        self.init(source: event.source, id: event.id)
    }

    public var description: String { "\(source)#\(id)" }
}

/// A message the inbox can deduplicate.
public protocol InboxMessage: Sendable {
    /// The message's dedupe key.
    var inboxKey: InboxKey { get }
}

extension CloudEvent: InboxMessage {
    /// `source` + `id`.
    public var inboxKey: InboxKey { InboxKey(event: self) }
}
