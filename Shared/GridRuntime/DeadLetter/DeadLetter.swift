import Foundation

/// Builds the dead-letter record for a message that cannot be processed.
///
/// The record goes to `<original topic>.dlt` with the original key, value and headers, plus:
///
/// | header | value |
/// |---|---|
/// | `dlt.original.topic` | the topic it was consumed from |
/// | `dlt.original.partition` | its partition (decimal) |
/// | `dlt.original.offset` | its offset (decimal) |
/// | `dlt.consumer` | the consumer (group) that gave up on it |
/// | `dlt.error.type` | the error's type, e.g. `GridRuntime.EventRejection` |
/// | `dlt.error.message` | the error's description (at most 4,000 bytes) |
/// | `dlt.failed.at` | when, RFC 3339 UTC |
///
/// Headers named `dlt.*` already on the original (a message dead-lettered before and replayed) are
/// replaced, so the headers describe the latest failure.
public enum DeadLetter {
    /// The suffix of dead-letter topics.
    public static let topicSuffix = ".dlt"

    /// Header names.
    public enum Header {
        /// `dlt.original.topic`.
        public static let originalTopic = "dlt.original.topic"
        /// `dlt.original.partition`.
        public static let originalPartition = "dlt.original.partition"
        /// `dlt.original.offset`.
        public static let originalOffset = "dlt.original.offset"
        /// `dlt.consumer`.
        public static let consumer = "dlt.consumer"
        /// `dlt.error.type`.
        public static let errorType = "dlt.error.type"
        /// `dlt.error.message`.
        public static let errorMessage = "dlt.error.message"
        /// `dlt.failed.at`.
        public static let failedAt = "dlt.failed.at"
    }

    /// Longest `dlt.error.message`, in UTF-8 bytes.
    public static let maximumErrorMessageBytes = 4_000

    /// The dead-letter topic of `topic`.
    public static func topic(for topic: String) -> String { topic + topicSuffix }

    /// The dead-letter record of `message`.
    /// - Parameters:
    ///   - message: The message that failed.
    ///   - consumer: The consumer (group) name.
    ///   - error: Why it failed.
    ///   - failedAt: When; defaults to now.
    public static func message(
        for message: IncomingMessage,
        consumer: String,
        error: any Error,
        failedAt: Date = Date()
    ) -> OutgoingMessage {
        var headers = message.headers.filter { !$0.name.hasPrefix("dlt.") }
        headers.append(MessageHeader(name: Header.originalTopic, text: message.topic))
        headers.append(MessageHeader(name: Header.originalPartition, text: String(message.partition)))
        headers.append(MessageHeader(name: Header.originalOffset, text: String(message.offset)))
        headers.append(MessageHeader(name: Header.consumer, text: consumer))
        headers.append(MessageHeader(name: Header.errorType, text: String(reflecting: type(of: error))))
        headers.append(MessageHeader(name: Header.errorMessage, text: truncated(String(describing: error))))
        headers.append(MessageHeader(name: Header.failedAt, text: CloudEventTime.format(failedAt)))
        return OutgoingMessage(topic: topic(for: message.topic), key: message.key, headers: headers, value: message.value)
    }

    /// `text` cut to ``maximumErrorMessageBytes`` on a character boundary.
    static func truncated(_ text: String) -> String {
        guard text.utf8.count > maximumErrorMessageBytes else { return text }
        var result = ""
        var bytes = 0
        for character in text {
            let size = character.utf8.count
            guard bytes + size <= maximumErrorMessageBytes - 3 else { break }
            result.append(character)
            bytes += size
        }
        return result + "..."
    }
}
