import Foundation

/// The JSON conventions of every GridLoop contract (event data and inbound messages):
///
/// - keys in lowerCamelCase, spelled out by each type's `CodingKeys` (never by a key strategy, so any
///   encoder writes the same names), enumeration values in snake_case;
/// - timestamps as RFC 3339 strings in UTC with milliseconds (`2025-03-12T01:15:00.000Z`); readers
///   accept any offset (`2025-03-12T09:15:00+08:00`) and whole seconds;
/// - keys sorted and `/` unescaped, so the same value always gives the same bytes.
///
/// GridRuntime's `EventJSON` follows the same conventions, so events encoded by the outbox and decoded
/// here (or the other way round) agree. Encoders and decoders are created per call: they are not
/// shared across tasks.
public enum ContractJSON {
    /// A new encoder with the contract conventions.
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(formatTimestamp(date))
        }
        return encoder
    }

    /// A new decoder with the contract conventions: timestamps are RFC 3339 with or without
    /// fractional seconds and with any offset; unknown keys are ignored.
    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = parseTimestamp(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "'\(text)' is not an RFC 3339 timestamp with a time zone")
            }
            return date
        }
        return decoder
    }

    /// Encodes a value with `encoder`.
    public static func encode(_ value: some Encodable) throws -> Data {
        try encoder.encode(value)
    }

    /// Decodes a value with `decoder`.
    public static func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        try decoder.decode(type, from: data)
    }

    /// Formats a timestamp in UTC, rounded to the millisecond: `2025-03-12T01:15:00.000Z`
    /// (``RFC3339Timestamp/format(_:)``).
    public static func formatTimestamp(_ date: Date) -> String {
        RFC3339Timestamp.format(date)
    }

    /// Parses an RFC 3339 timestamp with a time zone (`Z` or an offset), with or without fractional
    /// seconds; `nil` when `text` is not one. The usual layout is read by ``RFC3339Timestamp/parse(_:)``,
    /// anything else by Foundation's ISO 8601 parser.
    public static func parseTimestamp(_ text: String) -> Date? {
        if let date = RFC3339Timestamp.parse(text) { return date }
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return date }
        return try? Date.ISO8601FormatStyle().parse(text)
    }
}
