/// One event to store in the outbox: the Kafka record it becomes (topic, key, headers, payload) plus
/// its id and type for operators and dedupe.
///
/// Header values are text (CloudEvents binary mode requires UTF-8 header values), stored as two
/// parallel `text[]` columns so that the relay reads rows without any per-row parsing.
public struct OutboxEntry: Sendable, Hashable {
    /// The event id (CloudEvents `id`); unique among pending outbox rows.
    public let eventID: String
    /// The event type, for operators (`gridloop.case.filed.v1`).
    public let eventType: String?
    /// The destination topic.
    public let topic: String
    /// The record key (the case id for case events); `nil` for a record without key.
    public let key: String?
    /// Header names, parallel to ``headerValues``.
    public let headerNames: [String]
    /// Header values, parallel to ``headerNames``.
    public let headerValues: [String]
    /// The record value.
    public let payload: [UInt8]?

    /// An entry for a CloudEvent in the binary content mode.
    /// - Parameters:
    ///   - event: The event. Its `type` must be versioned (end in `.v` and a number).
    ///   - topic: The destination topic.
    ///   - key: The record key; defaults to the event's `subject` (the case id).
    /// - Throws: ``OutboxError`` when the event is invalid or its type is not versioned.
    public init(event: CloudEvent, topic: String, key: String? = nil) throws(OutboxError) {
        guard !topic.isEmpty else {
            throw OutboxError(code: .invalidEntry, message: "event \(event.id) has an empty topic")
        }
        guard Self.isVersioned(event.type) else {
            throw OutboxError(
                code: .invalidEntry,
                message: "event type '\(event.type)' is not versioned; name types like 'gridloop.case.filed.v1'"
            )
        }
        let headers: [MessageHeader]
        do {
            headers = try event.kafkaHeaders()
        } catch {
            throw OutboxError(code: .invalidEntry, message: "event \(event.id) cannot be encoded: \(error)")
        }
        self.eventID = event.id
        self.eventType = event.type
        self.topic = topic
        self.key = key ?? event.subject
        self.headerNames = headers.map(\.name)
        // kafkaHeaders() builds every value from a String, so each value is valid UTF-8.
        self.headerValues = headers.map { $0.text ?? "" }
        self.payload = event.data
    }

    /// `true` when `type` ends in `.v` followed by digits (`gridloop.case.filed.v1`).
    static func isVersioned(_ type: String) -> Bool {
        let components = type.split(separator: ".", omittingEmptySubsequences: false)
        guard components.count >= 2, let last = components.last, last.first == "v" else { return false }
        let digits = last.dropFirst()
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber } && !components.dropLast().contains("")
    }
}
