public import Foundation

/// One consumed event of `gridloop.case.lifecycle`, as the projector needs it: its CloudEvents id,
/// type and data.
public struct LifecycleMessage: Sendable, Hashable {
    /// The CloudEvents `id`.
    public var eventID: String
    /// The CloudEvents `type`.
    public var type: String
    /// The data (the record value).
    public var data: Data

    /// A message.
    public init(eventID: String, type: String, data: Data) {
        self.eventID = eventID
        self.type = type
        self.data = data
    }
}
