public import Logging

/// Metadata key conventions shared by all services, so logs can be searched across them.
public enum LogMetadataKey {
    /// The case a log line is about: `case_id`.
    public static let caseID = "case_id"
    /// The HTTP request id: `request_id`.
    public static let requestID = "request_id"
    /// The event id of a consumed or produced event: `event_id`.
    public static let eventID = "event_id"
}

extension Logger {
    /// A copy of this logger that adds `case_id` to every line.
    public func with(caseID: String) -> Logger {
        var logger = self
        logger[metadataKey: LogMetadataKey.caseID] = .string(caseID)
        return logger
    }
}
