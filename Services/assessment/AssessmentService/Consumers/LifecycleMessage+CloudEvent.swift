import Foundation
public import GridRuntime

extension LifecycleMessage {
    /// The message of a consumed CloudEvent (its id, type and data).
    public init(_ event: CloudEvent) {
        self.init(eventID: event.id, type: event.type, data: Data(event.data ?? []))
    }
}
