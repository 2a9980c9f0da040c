import Foundation

/// A CloudEvents 1.0 event: the envelope of every event GridLoop services exchange.
///
/// Events travel over Kafka in the binary content mode (see `docs/events.md` and
/// ``CloudEvent/kafkaMessage(topic:key:)``): attributes in `ce_*` headers, `datacontenttype` in
/// `content-type`, the W3C trace context in `traceparent`/`tracestate`, and the value is the data
/// (JSON for GridLoop's own events). Conventions: `type` is versioned (`gridloop.case.filed.v1`),
/// `subject` and the Kafka key are the case id, `id` is unique per `source` and is the inbox's
/// dedupe key.
public struct CloudEvent: Sendable, Hashable {
    /// The CloudEvents version this type implements.
    public static let specVersion = "1.0"

    /// Identifies the event; `source` + `id` is unique. Required, non-empty.
    public var id: String
    /// The context in which the event happened, a URI-reference such as `/gridloop/intake`.
    /// Required, non-empty.
    public var source: String
    /// The CloudEvents version; always ``specVersion`` for events this type creates.
    public var specVersion: String
    /// The kind of event, reverse-DNS and versioned: `gridloop.case.filed.v1`. Required, non-empty.
    public var type: String
    /// The subject of the event within the source; for case events the case id.
    public var subject: String?
    /// When the occurrence happened (encoded as RFC 3339 in UTC).
    public var time: Date?
    /// The media type of ``data``, such as `application/json`.
    public var dataContentType: String?
    /// A URI of the schema ``data`` adheres to.
    public var dataSchema: String?
    /// The event payload, as bytes in ``dataContentType``.
    public var data: [UInt8]?
    /// The W3C trace context of the operation that produced the event.
    public var traceContext: TraceContext?
    /// Extension attributes (lower-case alphanumeric names) with their string values, including any
    /// unknown `ce_*` header received, so that forwarding keeps them.
    public var extensions: [String: String]

    /// Creates an event. `specVersion` is ``specVersion``.
    public init(
        id: String,
        source: String,
        type: String,
        subject: String? = nil,
        time: Date? = nil,
        dataContentType: String? = nil,
        dataSchema: String? = nil,
        data: [UInt8]? = nil,
        traceContext: TraceContext? = nil,
        extensions: [String: String] = [:]
    ) {
        self.id = id
        self.source = source
        self.specVersion = Self.specVersion
        self.type = type
        self.subject = subject
        self.time = time
        self.dataContentType = dataContentType
        self.dataSchema = dataSchema
        self.data = data
        self.traceContext = traceContext
        self.extensions = extensions
    }
}
