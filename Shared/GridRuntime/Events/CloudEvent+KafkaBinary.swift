import Foundation

/// Header names of the CloudEvents Kafka protocol binding, binary content mode, plus the W3C trace
/// context headers.
public enum CloudEventHeader {
    /// Prefix of every attribute header (`ce_id`, `ce_type`…).
    public static let attributePrefix = "ce_"
    /// `ce_id`.
    public static let id = "ce_id"
    /// `ce_source`.
    public static let source = "ce_source"
    /// `ce_specversion`.
    public static let specVersion = "ce_specversion"
    /// `ce_type`.
    public static let type = "ce_type"
    /// `ce_subject`.
    public static let subject = "ce_subject"
    /// `ce_time`.
    public static let time = "ce_time"
    /// `ce_dataschema`.
    public static let dataSchema = "ce_dataschema"
    /// `content-type`: the `datacontenttype` attribute in binary mode.
    public static let contentType = "content-type"
    /// `traceparent` (W3C Trace Context).
    public static let traceParent = "traceparent"
    /// `tracestate` (W3C Trace Context).
    public static let traceState = "tracestate"

    /// Attribute names that are not extensions.
    static let coreAttributes: Set<String> = [
        "id", "source", "specversion", "type", "subject", "time", "datacontenttype", "dataschema", "data",
    ]
}

extension CloudEvent {
    /// The Kafka headers of this event in the binary content mode, in a fixed order: `ce_specversion`,
    /// `ce_id`, `ce_source`, `ce_type`, then the optional `ce_subject`, `ce_time`, `ce_dataschema`,
    /// `content-type`, `traceparent`, `tracestate`, then extensions sorted by name.
    /// - Throws: ``CloudEventError`` when a required attribute is empty or an extension name is invalid.
    public func kafkaHeaders() throws(CloudEventError) -> [MessageHeader] {
        try validate()
        var headers: [MessageHeader] = [
            MessageHeader(name: CloudEventHeader.specVersion, text: specVersion),
            MessageHeader(name: CloudEventHeader.id, text: id),
            MessageHeader(name: CloudEventHeader.source, text: source),
            MessageHeader(name: CloudEventHeader.type, text: type),
        ]
        if let subject {
            headers.append(MessageHeader(name: CloudEventHeader.subject, text: subject))
        }
        if let time {
            headers.append(MessageHeader(name: CloudEventHeader.time, text: CloudEventTime.format(time)))
        }
        if let dataSchema {
            headers.append(MessageHeader(name: CloudEventHeader.dataSchema, text: dataSchema))
        }
        if let dataContentType {
            headers.append(MessageHeader(name: CloudEventHeader.contentType, text: dataContentType))
        }
        if let traceContext {
            headers.append(MessageHeader(name: CloudEventHeader.traceParent, text: traceContext.traceParent))
            if let traceState = traceContext.traceState {
                headers.append(MessageHeader(name: CloudEventHeader.traceState, text: traceState))
            }
        }
        for name in extensions.keys.sorted() {
            headers.append(MessageHeader(name: CloudEventHeader.attributePrefix + name, text: extensions[name]!))
        }
        return headers
    }

    /// This event as a Kafka record in the binary content mode.
    /// - Parameters:
    ///   - topic: The destination topic.
    ///   - key: The record key; defaults to ``subject`` (the case id for case events).
    /// - Throws: ``CloudEventError`` as ``kafkaHeaders()``.
    public func kafkaMessage(topic: String, key: String? = nil) throws(CloudEventError) -> OutgoingMessage {
        OutgoingMessage(
            topic: topic,
            key: (key ?? subject).map { Array($0.utf8) },
            headers: try kafkaHeaders(),
            value: data
        )
    }

    /// Decodes an event from a Kafka record in the binary content mode.
    ///
    /// Tolerant: headers that are neither CloudEvents attributes nor trace context are ignored,
    /// unknown `ce_*` headers become ``extensions``, a malformed `traceparent` is dropped (as W3C
    /// prescribes). When only the CloudEvents distributed-tracing extension (`ce_traceparent`) is
    /// present, it is used as the trace context.
    /// - Throws: ``CloudEventError`` when a required attribute is missing, `specversion` is not 1.0,
    ///   `ce_time` is not RFC 3339, a header is not UTF-8, or the record uses the structured mode
    ///   (`content-type: application/cloudevents…`), which GridLoop does not accept.
    public init(kafkaHeaders headers: [MessageHeader], value: [UInt8]?) throws(CloudEventError) {
        var attributes: [String: String] = [:]
        var contentType: String?
        var traceParent: String?
        var traceState: String?
        for header in headers {
            let isAttribute = header.name.hasPrefix(CloudEventHeader.attributePrefix)
            let isKnown =
                isAttribute || header.name == CloudEventHeader.contentType
                || header.name == CloudEventHeader.traceParent || header.name == CloudEventHeader.traceState
            guard isKnown else { continue }
            guard let text = header.text else {
                throw CloudEventError(
                    code: .invalidAttribute,
                    attribute: header.name,
                    message: "header value is missing or not UTF-8"
                )
            }
            switch header.name {
            case CloudEventHeader.contentType: contentType = contentType ?? text
            case CloudEventHeader.traceParent: traceParent = traceParent ?? text
            case CloudEventHeader.traceState: traceState = traceState ?? text
            default:
                let name = String(header.name.dropFirst(CloudEventHeader.attributePrefix.count))
                if attributes[name] == nil { attributes[name] = text }
            }
        }
        if let contentType, contentType.lowercased().hasPrefix("application/cloudevents") {
            throw CloudEventError(
                code: .invalidAttribute,
                attribute: CloudEventHeader.contentType,
                message: "structured content mode ('\(contentType)') is not supported; send binary mode (docs/events.md)"
            )
        }
        guard let specVersion = attributes.removeValue(forKey: "specversion") else {
            throw CloudEventError(code: .missingAttribute, attribute: "specversion", message: "header ce_specversion is absent")
        }
        guard specVersion == Self.specVersion else {
            throw CloudEventError(
                code: .unsupportedSpecVersion,
                attribute: "specversion",
                message: "got '\(specVersion)', expected '\(Self.specVersion)'"
            )
        }
        func required(_ name: String) throws(CloudEventError) -> String {
            guard let value = attributes.removeValue(forKey: name), !value.isEmpty else {
                throw CloudEventError(code: .missingAttribute, attribute: name, message: "header ce_\(name) is absent or empty")
            }
            return value
        }
        let id = try required("id")
        let source = try required("source")
        let type = try required("type")
        var time: Date?
        if let text = attributes.removeValue(forKey: "time") {
            guard let parsed = CloudEventTime.parse(text) else {
                throw CloudEventError(code: .invalidAttribute, attribute: "time", message: "'\(text)' is not an RFC 3339 timestamp")
            }
            time = parsed
        }
        let subject = attributes.removeValue(forKey: "subject")
        let dataSchema = attributes.removeValue(forKey: "dataschema")
        attributes.removeValue(forKey: "datacontenttype")
        attributes.removeValue(forKey: "data")
        let trace =
            traceParent.flatMap { TraceContext(traceParent: $0, traceState: traceState) }
            ?? attributes["traceparent"].flatMap { TraceContext(traceParent: $0, traceState: attributes["tracestate"]) }
        self.init(
            id: id,
            source: source,
            type: type,
            subject: subject,
            time: time,
            dataContentType: contentType,
            dataSchema: dataSchema,
            data: value,
            traceContext: trace,
            extensions: attributes
        )
    }

    /// Decodes an event from a consumed record; see ``init(kafkaHeaders:value:)``.
    public init(message: IncomingMessage) throws(CloudEventError) {
        try self.init(kafkaHeaders: message.headers, value: message.value)
    }

    /// Checks required attributes and extension names.
    /// - Throws: ``CloudEventError`` describing the first problem.
    public func validate() throws(CloudEventError) {
        for (name, value) in [("id", id), ("source", source), ("type", type)] where value.isEmpty {
            throw CloudEventError(code: .missingAttribute, attribute: name, message: "must not be empty")
        }
        guard specVersion == Self.specVersion else {
            throw CloudEventError(
                code: .unsupportedSpecVersion,
                attribute: "specversion",
                message: "got '\(specVersion)', expected '\(Self.specVersion)'"
            )
        }
        for name in extensions.keys {
            let isValid =
                !name.isEmpty
                && name.utf8.allSatisfy { ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) }
            guard isValid else {
                throw CloudEventError(
                    code: .invalidAttribute,
                    attribute: name,
                    message: "extension names must be lower-case letters a-z and digits"
                )
            }
            guard !CloudEventHeader.coreAttributes.contains(name) else {
                throw CloudEventError(code: .invalidAttribute, attribute: name, message: "is a core attribute, not an extension")
            }
        }
    }
}
