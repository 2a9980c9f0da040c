import Foundation
import GridRuntime
import Testing

@Suite("Dead-letter records")
struct DeadLetterTests {
    static let original = IncomingMessage(
        topic: "gridloop.cases",
        partition: 3,
        offset: 1_234_567,
        key: Array("C-1".utf8),
        headers: [MessageHeader(name: "ce_id", text: "e-1"), MessageHeader(name: "x-raw", value: [0xFF])],
        value: Array(#"{"broken":"#.utf8)
    )

    @Test("the record keeps key, value and headers and adds where and why it failed")
    func headers() {
        let failedAt = Date(timeIntervalSince1970: 1_709_280_000)
        let record = DeadLetter.message(
            for: Self.original,
            consumer: "routing",
            error: EventRejection(.invalidPayload, "missing field 'caseID'"),
            failedAt: failedAt
        )
        #expect(record.topic == "gridloop.cases.dlt")
        #expect(record.key == Self.original.key)
        #expect(record.value == Self.original.value)
        #expect(Array(record.headers.prefix(2)) == Self.original.headers)
        #expect(record.headers.text(named: "dlt.original.topic") == "gridloop.cases")
        #expect(record.headers.text(named: "dlt.original.partition") == "3")
        #expect(record.headers.text(named: "dlt.original.offset") == "1234567")
        #expect(record.headers.text(named: "dlt.consumer") == "routing")
        #expect(record.headers.text(named: "dlt.error.type") == "GridRuntime.EventRejection")
        #expect(record.headers.text(named: "dlt.error.message") == "invalid payload: missing field 'caseID'")
        #expect(record.headers.text(named: "dlt.failed.at") == "2024-03-01T08:00:00.000Z")
    }

    @Test("dead-lettering a replayed dead letter describes the latest failure only")
    func replacesOldFailureHeaders() {
        let first = DeadLetter.message(for: Self.original, consumer: "routing", error: MysteryError())
        let replayed = IncomingMessage(
            topic: "gridloop.cases",
            partition: 0,
            offset: 9,
            key: first.key,
            headers: first.headers,
            value: first.value
        )
        let second = DeadLetter.message(for: replayed, consumer: "assessment", error: MysteryError())
        #expect(second.headers.filter { $0.name == "dlt.consumer" }.map(\.text) == ["assessment"])
        #expect(second.headers.text(named: "dlt.original.offset") == "9")
    }

    @Test("long error messages are cut on a character boundary")
    func truncatesMessages() {
        let long = String(repeating: "网格", count: 3_000)
        let record = DeadLetter.message(for: Self.original, consumer: "c", error: EventRejection(.invalidPayload, long))
        let message = record.headers.text(named: "dlt.error.message")
        #expect(message != nil)
        #expect((message?.utf8.count ?? .max) <= DeadLetter.maximumErrorMessageBytes)
        #expect(message?.hasSuffix("...") == true)
    }
}
