import Foundation
import GridDomain
import PropertyBased
import Testing

/// The contracts' own RFC 3339 reader and writer agree with Foundation's ISO 8601 parser and keep every
/// millisecond through a round trip.
@Suite("RFC 3339 timestamps")
struct RFC3339TimestampTests {
    /// Milliseconds from 1900-01-01 to 2199-12-31.
    static let milliseconds = Gen.int64(in: -2_208_988_800_000...7_258_118_399_999)

    @Test("format then parse gives back the same millisecond; parse then format the same text")
    func roundTrip() async {
        await propertyCheck(input: Self.milliseconds) { milliseconds in
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            let text = RFC3339Timestamp.format(date)
            let parsed = try #require(RFC3339Timestamp.parse(text))
            #expect(parsed == date)
            #expect(RFC3339Timestamp.format(parsed) == text)
        }
    }

    @Test("the text is what Foundation writes for the same millisecond, and Foundation reads it back to it")
    func agreesWithFoundation() async {
        let foundationWriter = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
        let foundationReader = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        await propertyCheck(input: Self.milliseconds) { milliseconds in
            // Half a millisecond above the value, so Foundation's truncation lands on it too.
            let date = Date(timeIntervalSince1970: (Double(milliseconds) + 0.5) / 1000)
            let ours = RFC3339Timestamp.format(Date(timeIntervalSince1970: Double(milliseconds) / 1000))
            #expect(ours == foundationWriter.format(date))
            let theirs = try foundationReader.parse(ours)
            #expect(abs(theirs.timeIntervalSince1970 - Double(milliseconds) / 1000) < 1e-6)
        }
    }

    @Test("offsets, fractions of any length and whole seconds are read as Foundation reads them")
    func readsEveryLayoutLikeFoundation() async {
        let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        let whole = Date.ISO8601FormatStyle()
        let offsets = Gen.int(in: -14 * 4...14 * 4).map { $0 * 15 }
        await propertyCheck(input: Gen.int64(in: 0...4_102_444_799), Gen.int(in: 0...6), offsets) { seconds, digits, offsetMinutes in
            let base = RFC3339Timestamp.format(Date(timeIntervalSince1970: Double(seconds)))
            // Rewrite "…:SS.000Z" with `digits` fraction digits and the offset (same wall-clock text, so another instant).
            let wallClock = String(base.prefix(19))
            let fraction = digits == 0 ? "" : "." + String("123456".prefix(digits))
            let sign = offsetMinutes < 0 ? "-" : "+"
            let zone = offsetMinutes == 0 ? "Z" : sign + String(format: "%02d:%02d", abs(offsetMinutes) / 60, abs(offsetMinutes) % 60)
            let text = wallClock + fraction + zone
            let ours = try #require(RFC3339Timestamp.parse(text), "\(text)")
            let theirs = try (digits == 0 ? whole.parse(text) : fractional.parse(text))
            #expect(abs(ours.timeIntervalSince(theirs)) < 1e-6, "\(text)")
        }
    }

    @Test(arguments: [
        "2025-03-12T01:15:00.000Z", "2024-02-29T23:59:59.999+08:00", "1999-12-31T16:00:00Z", "2025-03-12T09:15:00.5-05:30",
    ])
    func acceptsTheLayout(text: String) throws {
        let ours = try #require(RFC3339Timestamp.parse(text))
        #expect(ContractJSON.parseTimestamp(text) == ours)
    }

    @Test(arguments: [
        "", "2025-03-12", "2025-03-12T01:15:00", "2025-03-12 01:15:00Z", "2025-13-01T00:00:00Z", "2025-02-29T00:00:00Z",
        "2025-03-12T24:00:00Z", "2025-03-12T01:60:00Z", "2025-03-12T01:15:00.Z", "2025-03-12T01:15:00.0000000001Z",
        "2025-03-12T01:15:00+0800", "2025-03-12T01:15:00Zjunk", "2025-03-12t01:15:00z", "２０２５-03-12T01:15:00Z",
    ])
    func leavesEverythingElseToFoundation(text: String) {
        #expect(RFC3339Timestamp.parse(text) == nil)
    }

    @Test func invalidTextIsStillRefusedByTheContracts() {
        #expect(ContractJSON.parseTimestamp("2025-13-01T00:00:00Z") == nil)
        #expect(ContractJSON.parseTimestamp("yesterday") == nil)
    }

    @Test func roundsToTheNearestMillisecond() {
        #expect(RFC3339Timestamp.format(Date(timeIntervalSince1970: 1_741_742_099.9996)) == "2025-03-12T01:15:00.000Z")
        #expect(RFC3339Timestamp.format(Date(timeIntervalSince1970: -0.0004)) == "1970-01-01T00:00:00.000Z")
        #expect(RFC3339Timestamp.format(Date(timeIntervalSince1970: -0.001)) == "1969-12-31T23:59:59.999Z")
    }
}
