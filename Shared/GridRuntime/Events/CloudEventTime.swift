import Foundation
import GridDomain

/// RFC 3339 timestamps as CloudEvents and GridLoop payloads use them: written in UTC with millisecond
/// precision (`2024-03-01T08:00:00.000Z`), read with or without fractional seconds and with any offset.
public enum CloudEventTime {
    private static let fractionalReader = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let wholeSecondReader = Date.ISO8601FormatStyle()

    /// Formats `date` in UTC, rounded to the millisecond (GridDomain's `RFC3339Timestamp`).
    public static func format(_ date: Date) -> String {
        RFC3339Timestamp.format(date)
    }

    /// Parses an RFC 3339 timestamp; `nil` when `text` is not one. The usual layout is read by
    /// GridDomain's `RFC3339Timestamp`, anything else by Foundation's ISO 8601 parser.
    public static func parse(_ text: String) -> Date? {
        if let date = RFC3339Timestamp.parse(text) { return date }
        if let date = try? fractionalReader.parse(text) { return date }
        return try? wholeSecondReader.parse(text)
    }
}
