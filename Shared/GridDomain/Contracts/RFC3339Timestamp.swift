import Foundation

/// RFC 3339 timestamps as the contracts write them (`2025-03-12T01:15:00.000Z`: UTC, milliseconds),
/// formatted and parsed without Foundation's general ISO 8601 machinery, which costs more than the
/// rest of decoding an event's dates (every event carries several).
///
/// - ``format(_:)`` writes the date rounded to the nearest millisecond, so every millisecond value
///   survives a format–parse round trip exactly (Foundation's formatter truncates, and the double a
///   parse yields often lies just below its millisecond).
/// - ``parse(_:)`` reads the layout `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` directly and returns
///   `nil` for anything else; ``ContractJSON/parseTimestamp(_:)`` then asks Foundation, so what is
///   accepted does not change.
public enum RFC3339Timestamp {
    /// `date` in UTC with milliseconds: `2025-03-12T01:15:00.000Z`.
    public static func format(_ date: Date) -> String {
        let totalMilliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (days, millisecondOfDay) = floorDivision(totalMilliseconds, 86_400_000)
        let civil = CivilDate(dayNumber: Int(days))
        let second = millisecondOfDay / 1000
        guard (0...9999).contains(civil.year) else { return fallbackFormat(date) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        append(civil.year, width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        append(civil.month, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        append(civil.day, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        append(second / 3600, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        append(second / 60 % 60, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        append(second % 60, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        append(millisecondOfDay % 1000, width: 3, to: &bytes)
        bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS`, an optional fraction of 1–9 digits and `Z` or an offset `±HH:MM`;
    /// `nil` for any other text (including valid forms outside that layout, such as a lower-case `t`).
    public static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard bytes.count >= 20 else { return nil }
        func digits(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for index in start..<(start + count) {
                let byte = bytes[index]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
            let date = CivilDate(year: year, month: month, day: day),
            let hour = digits(11, 2), let minute = digits(14, 2), let second = digits(17, 2),
            hour <= 23, minute <= 59, second <= 59
        else { return nil }

        var index = 19
        var fraction = 0
        var fractionDigits = 0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                guard fractionDigits < 9 else { return nil }
                fraction = fraction * 10 + Int(bytes[index] - 0x30)
                fractionDigits += 1
                index += 1
            }
            guard fractionDigits > 0 else { return nil }
        }

        guard index < bytes.count else { return nil }
        var offsetSeconds = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard bytes.count - index >= 6, bytes[index + 3] == UInt8(ascii: ":"),
                let offsetHours = digits(index + 1, 2), let offsetMinutes = digits(index + 4, 2),
                offsetHours <= 23, offsetMinutes <= 59
            else { return nil }
            offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
            index += 6
        default:
            return nil
        }
        guard index == bytes.count else { return nil }

        let seconds = Int64(date.dayNumber) * 86_400 + Int64(hour * 3600 + minute * 60 + second - offsetSeconds)
        if fractionDigits <= 3 {
            // Whole milliseconds: one correctly rounded division, the same double as the literal value.
            var milliseconds = fraction
            for _ in fractionDigits..<3 { milliseconds *= 10 }
            return Date(timeIntervalSince1970: Double(seconds * 1000 + Int64(milliseconds)) / 1000)
        }
        var scale = 1
        for _ in 0..<fractionDigits { scale *= 10 }
        return Date(timeIntervalSince1970: Double(seconds) + Double(fraction) / Double(scale))
    }

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int) {
        let quotient = value >= 0 ? value / divisor : (value - divisor + 1) / divisor
        return (quotient, Int(value - quotient * divisor))
    }

    private static func append(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    /// Years outside 0000–9999 (never in practice): Foundation's formatter.
    private static func fallbackFormat(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
    }
}
