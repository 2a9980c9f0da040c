import Foundation
import GridRuntime
import Testing

/// Conformance with the CloudEvents 1.0 Kafka protocol binding, binary content mode
/// (cloudevents/spec `cloudevents/bindings/kafka-protocol-binding.md`, sections 3.1–3.2).
@Suite("CloudEvents Kafka binding, binary content mode")
struct CloudEventConformanceTests {
    static let time = Date(timeIntervalSince1970: 1_709_280_000.250)  // 2024-03-01T08:00:00.250Z

    static func fullEvent() -> CloudEvent {
        CloudEvent(
            id: "4f6c1c1e-5e0a-4a59-9a1e-0c1b8f7b2a10",
            source: "/gridloop/intake",
            type: "gridloop.case.filed.v1",
            subject: "C-2024-000042",
            time: time,
            dataContentType: "application/json",
            dataSchema: "https://gridloop.example/schemas/case-filed-v1.json",
            data: Array(#"{"caseID":"C-2024-000042"}"#.utf8),
            traceContext: TraceContext(
                traceParent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                traceState: "gridloop=1"
            ),
            extensions: ["district": "110101"]
        )
    }

    @Test("every attribute except data and datacontenttype becomes a ce_-prefixed header (3.2.3)")
    func attributesMapToPrefixedHeaders() throws {
        let message = try Self.fullEvent().kafkaMessage(topic: "gridloop.cases")
        let headers = Dictionary(message.headers.map { ($0.name, $0.text) }, uniquingKeysWith: { first, _ in first })
        #expect(headers["ce_specversion"] == "1.0")
        #expect(headers["ce_id"] == "4f6c1c1e-5e0a-4a59-9a1e-0c1b8f7b2a10")
        #expect(headers["ce_source"] == "/gridloop/intake")
        #expect(headers["ce_type"] == "gridloop.case.filed.v1")
        #expect(headers["ce_subject"] == "C-2024-000042")
        #expect(headers["ce_time"] == "2024-03-01T08:00:00.250Z")
        #expect(headers["ce_dataschema"] == "https://gridloop.example/schemas/case-filed-v1.json")
        #expect(headers["ce_district"] == "110101")
        #expect(headers["ce_data"] == nil)
        #expect(headers["ce_datacontenttype"] == nil)
        #expect(message.headers.count == headers.count, "no header may repeat")
    }

    @Test("datacontenttype is the content-type header (3.2.1)")
    func contentTypeHeader() throws {
        let message = try Self.fullEvent().kafkaMessage(topic: "gridloop.cases")
        #expect(message.headers.text(named: "content-type") == "application/json")
    }

    @Test("data is the record value as-is (3.2.2); no data gives a record without value")
    func dataIsTheValue() throws {
        let event = Self.fullEvent()
        #expect(try event.kafkaMessage(topic: "t").value == event.data)
        var withoutData = event
        withoutData.data = nil
        #expect(try withoutData.kafkaMessage(topic: "t").value == nil)
        let decoded = try CloudEvent(kafkaHeaders: try withoutData.kafkaHeaders(), value: nil)
        #expect(decoded.data == nil)
    }

    @Test("header names and values are UTF-8 strings (3.2.3)")
    func headersAreUTF8() throws {
        var event = Self.fullEvent()
        event.subject = "案件-东城-0001"
        let message = try event.kafkaMessage(topic: "t")
        for header in message.headers {
            #expect(header.text != nil, "header \(header.name) is not UTF-8")
        }
        #expect(message.headers.text(named: "ce_subject") == "案件-东城-0001")
    }

    @Test("the record key is the subject (case id) unless given (3.1)")
    func keyIsSubject() throws {
        let event = Self.fullEvent()
        #expect(try event.kafkaMessage(topic: "t").key == Array("C-2024-000042".utf8))
        #expect(try event.kafkaMessage(topic: "t", key: "other").key == Array("other".utf8))
    }

    @Test("the W3C trace context travels in traceparent and tracestate headers")
    func traceContextHeaders() throws {
        let message = try Self.fullEvent().kafkaMessage(topic: "t")
        #expect(message.headers.text(named: "traceparent") == "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
        #expect(message.headers.text(named: "tracestate") == "gridloop=1")
    }

    @Test("the specification's binary-mode example decodes (3.2.5)")
    func specificationExample() throws {
        let value: [UInt8] = [0x00, 0x02, 0xFF]
        let event = try CloudEvent(
            kafkaHeaders: [
                MessageHeader(name: "ce_specversion", text: "1.0"),
                MessageHeader(name: "ce_type", text: "com.example.someevent"),
                MessageHeader(name: "ce_source", text: "/mycontext/subcontext"),
                MessageHeader(name: "ce_id", text: "1234-1234-1234"),
                MessageHeader(name: "ce_time", text: "2018-04-05T03:56:24Z"),
                MessageHeader(name: "content-type", text: "application/avro"),
            ],
            value: value
        )
        #expect(event.specVersion == "1.0")
        #expect(event.type == "com.example.someevent")
        #expect(event.source == "/mycontext/subcontext")
        #expect(event.id == "1234-1234-1234")
        #expect(event.time == Date(timeIntervalSince1970: 1_522_900_584))
        #expect(event.dataContentType == "application/avro")
        #expect(event.data == value)
        #expect(event.extensions.isEmpty)
    }

    @Test("encoding then decoding gives the same event")
    func roundTrip() throws {
        let event = Self.fullEvent()
        let message = try event.kafkaMessage(topic: "gridloop.cases")
        #expect(try CloudEvent(kafkaHeaders: message.headers, value: message.value) == event)
    }

    @Test("unknown headers are ignored and unknown ce_ headers kept as extensions")
    func toleratesUnknownHeaders() throws {
        var headers = try Self.fullEvent().kafkaHeaders()
        headers.append(MessageHeader(name: "x-hotline-channel", text: "12345"))
        headers.append(MessageHeader(name: "binary-noise", value: [0xFF, 0xFE]))
        headers.append(MessageHeader(name: "ce_comexampleextension", text: "value"))
        let event = try CloudEvent(kafkaHeaders: headers, value: nil)
        #expect(event.extensions == ["district": "110101", "comexampleextension": "value"])
    }

    @Test("times with an offset and without fractional seconds are read")
    func timeFormats() throws {
        var headers = try Self.fullEvent().kafkaHeaders().filter { $0.name != "ce_time" }
        headers.append(MessageHeader(name: "ce_time", text: "2024-03-01T16:00:00+08:00"))
        let event = try CloudEvent(kafkaHeaders: headers, value: nil)
        #expect(event.time == Date(timeIntervalSince1970: 1_709_280_000))
    }

    @Test(
        "missing or invalid required attributes are rejected with the attribute named",
        arguments: [
            ("ce_id", nil, "id"),
            ("ce_source", nil, "source"),
            ("ce_type", nil, "type"),
            ("ce_specversion", nil, "specversion"),
            ("ce_specversion", "0.3", "specversion"),
            ("ce_time", "yesterday", "time"),
            ("ce_id", "", "id"),
        ] as [(String, String?, String)]
    )
    func rejectsInvalidEnvelopes(header: String, replacement: String?, attribute: String) throws {
        var headers = try Self.fullEvent().kafkaHeaders().filter { $0.name != header }
        if let replacement {
            headers.append(MessageHeader(name: header, text: replacement))
        }
        let error = try #require(throws: CloudEventError.self) {
            try CloudEvent(kafkaHeaders: headers, value: nil)
        }
        #expect(error.attribute == attribute)
    }

    @Test("structured-mode records (content-type application/cloudevents…, any case) are refused clearly")
    func refusesStructuredMode() throws {
        let error = try #require(throws: CloudEventError.self) {
            try CloudEvent(
                kafkaHeaders: [MessageHeader(name: "content-type", text: "Application/CloudEvents+json; charset=UTF-8")],
                value: Array(#"{"specversion":"1.0"}"#.utf8)
            )
        }
        #expect(error.message.contains("structured content mode"))
    }

    @Test("a malformed traceparent is dropped; ce_traceparent is used when traceparent is absent")
    func traceParentHandling() throws {
        var headers = try Self.fullEvent().kafkaHeaders().filter { $0.name != "traceparent" && $0.name != "tracestate" }
        headers.append(MessageHeader(name: "traceparent", text: "00-not-a-trace-01"))
        #expect(try CloudEvent(kafkaHeaders: headers, value: nil).traceContext == nil)

        headers.removeLast()
        headers.append(MessageHeader(name: "ce_traceparent", text: "00-0af7651916cd43dd8448eb211c80319c-b9c7c989f97918e1-01"))
        let event = try CloudEvent(kafkaHeaders: headers, value: nil)
        #expect(event.traceContext?.traceParent == "00-0af7651916cd43dd8448eb211c80319c-b9c7c989f97918e1-01")
    }

    @Test("invalid extension names are refused when encoding")
    func invalidExtensionNames() {
        for name in ["Upper", "with-dash", "", "subject"] {
            var event = Self.fullEvent()
            event.extensions = [name: "x"]
            #expect(throws: CloudEventError.self) { try event.kafkaHeaders() }
        }
    }

    @Test("traceparent validation follows W3C Trace Context")
    func traceParentValidation() {
        #expect(TraceContext(traceParent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01") != nil)
        #expect(TraceContext(traceParent: "00-00000000000000000000000000000000-00f067aa0ba902b7-01") == nil)
        #expect(TraceContext(traceParent: "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01") == nil)
        #expect(TraceContext(traceParent: "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01") == nil)
        #expect(TraceContext(traceParent: "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01") == nil)
        #expect(TraceContext(traceParent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra") == nil)
        #expect(TraceContext(traceParent: "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra") != nil)
    }
}
