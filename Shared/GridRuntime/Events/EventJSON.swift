import Foundation

/// The JSON conventions of GridLoop event payloads: keys sorted (stable bytes for the same value),
/// dates as RFC 3339 strings in UTC with milliseconds (``CloudEventTime``).
public enum EventJSON {
    /// A new encoder with GridLoop's settings (encoders are not shared across tasks).
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(CloudEventTime.format(date))
        }
        return encoder
    }

    /// A new decoder with GridLoop's settings: dates are RFC 3339 with or without fractional seconds.
    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = CloudEventTime.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "'\(text)' is not an RFC 3339 timestamp"
                )
            }
            return date
        }
        return decoder
    }

    /// A one-line description of a decoding error that names the JSON path that failed.
    public static func describe(_ error: any Error) -> String {
        guard let decodingError = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context) -> String {
            let joined = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return joined.isEmpty ? "(top level)" : joined
        }
        switch decodingError {
        case .keyNotFound(let key, let context):
            return "missing field '\(key.stringValue)' at \(path(context))"
        case .typeMismatch(let type, let context):
            return "expected \(type) at \(path(context)): \(context.debugDescription)"
        case .valueNotFound(let type, let context):
            return "null where \(type) is required at \(path(context))"
        case .dataCorrupted(let context):
            return "\(context.debugDescription) at \(path(context))"
        @unknown default:
            return "\(decodingError)"
        }
    }
}
