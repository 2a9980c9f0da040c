import Foundation
import GridDomain

/// RFC 3339 timestamps as CloudEvents and GridLoop payloads use them: written in UTC with millisecond
/// precision (`2024-03-01T08:00:00.000Z`), read with or without fractional seconds and with any offset.
public enum CloudEventTime {
    /// Formats `date` in UTC, rounded to the millisecond (GridDomain's `ContractJSON.formatTimestamp`).
    public static func format(_ date: Date) -> String {
        ContractJSON.formatTimestamp(date)
    }

    /// Parses an RFC 3339 timestamp; `nil` when `text` is not one (GridDomain's `ContractJSON.parseTimestamp`).
    public static func parse(_ text: String) -> Date? {
        ContractJSON.parseTimestamp(text)
    }
}
