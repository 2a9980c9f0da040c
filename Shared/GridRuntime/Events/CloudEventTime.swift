import Foundation

/// RFC 3339 timestamps as CloudEvents and GridLoop payloads use them: written in UTC with millisecond
/// precision (`2024-03-01T08:00:00.000Z`), read with or without fractional seconds and with any offset.
public enum CloudEventTime {
    private static let writer = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
    private static let fractionalReader = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let wholeSecondReader = Date.ISO8601FormatStyle()

    /// Formats `date` in UTC with milliseconds.
    public static func format(_ date: Date) -> String {
        writer.format(date)
    }

    /// Parses an RFC 3339 timestamp; `nil` when `text` is not one.
    public static func parse(_ text: String) -> Date? {
        if let date = try? fractionalReader.parse(text) { return date }
        return try? wholeSecondReader.parse(text)
    }
}
