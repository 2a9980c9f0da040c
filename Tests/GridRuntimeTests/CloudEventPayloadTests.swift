import Foundation
import GridRuntime
import Testing

@Suite("CloudEvent typed payloads")
struct CloudEventPayloadTests {
    struct CaseFiled: Codable, Equatable {
        var caseID: String
        var category: String
        var filedAt: Date
        var photos: [String]
    }

    static let payload = CaseFiled(
        caseID: "C-1",
        category: "0301",
        filedAt: Date(timeIntervalSince1970: 1_709_280_000.5),
        photos: ["a.jpg"]
    )

    @Test("a payload is encoded as JSON with ISO-8601 UTC times and decoded back")
    func roundTrip() throws {
        let event = try CloudEvent(
            id: "e1",
            source: "/gridloop/intake",
            type: "gridloop.case.filed.v1",
            subject: "C-1",
            payload: Self.payload
        )
        #expect(event.dataContentType == "application/json")
        let data = try #require(event.data)
        let json = try #require(String(validating: data, as: UTF8.self))
        #expect(json.contains(#""filedAt":"2024-03-01T08:00:00.500Z""#))
        #expect(json.hasPrefix(#"{"caseID""#), "keys are sorted")
        #expect(try event.decodePayload(CaseFiled.self) == Self.payload)
    }

    @Test("a payload that does not match names the missing field")
    func decodeErrorNamesField() throws {
        let event = CloudEvent(
            id: "e1",
            source: "/s",
            type: "gridloop.case.filed.v1",
            dataContentType: "application/json",
            data: Array(#"{"caseID":"C-1","filedAt":"2024-03-01T08:00:00Z","photos":[]}"#.utf8)
        )
        let error = try #require(throws: CloudEventError.self) { try event.decodePayload(CaseFiled.self) }
        #expect(error.code == .invalidData)
        #expect(error.message.contains("category"))
    }

    @Test("times without fractional seconds or with an offset decode")
    func lenientTimes() throws {
        let event = CloudEvent(
            id: "e1",
            source: "/s",
            type: "t.v1",
            dataContentType: "application/json; charset=utf-8",
            data: Array(#"{"caseID":"C-1","category":"0301","filedAt":"2024-03-01T16:00:00+08:00","photos":[]}"#.utf8)
        )
        #expect(try event.decodePayload(CaseFiled.self).filedAt == Date(timeIntervalSince1970: 1_709_280_000))
    }

    @Test("non-JSON data is refused")
    func nonJSONRefused() throws {
        let event = CloudEvent(id: "e1", source: "/s", type: "t.v1", dataContentType: "application/avro", data: [1, 2])
        let error = try #require(throws: CloudEventError.self) { try event.decodePayload(CaseFiled.self) }
        #expect(error.attribute == "datacontenttype")
    }
}
