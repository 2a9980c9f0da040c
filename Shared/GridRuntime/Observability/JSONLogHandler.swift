public import Logging

/// Writes each log event as one JSON object per line:
///
/// ```json
/// {"timestamp":"2025-03-01T08:00:00.123Z","level":"info","service":"intake","logger":"intake",
///  "message":"case filed","source":"IntakeService","case_id":"C-2025-000123","request_id":"…"}
/// ```
///
/// `timestamp` is ISO-8601 UTC; metadata is flattened into top-level keys (nested dictionaries as
/// `parent.child`; a key that would clash with a fixed field is written as `metadata.<key>`). The
/// case id goes under ``LogMetadataKey/caseID`` (`case_id`). Personal data is masked according to
/// ``LogPrivacy``. Bootstrap it once in `main` (``ServiceLogging/bootstrap(_:)``); libraries get a
/// `Logger` passed in.
public struct JSONLogHandler: LogHandler {
    /// Minimum level.
    public var logLevel: Logger.Level
    /// Handler-level metadata.
    public var metadata: Logger.Metadata = [:]
    /// Task-local or context metadata.
    public var metadataProvider: Logger.MetadataProvider?

    private let label: String
    private let service: String
    private let output: LogOutput
    private let privacy: LogPrivacy

    static let fixedKeys: Set<String> = ["timestamp", "level", "service", "logger", "message", "source"]

    /// Creates a handler.
    /// - Parameters:
    ///   - label: The logger's label.
    ///   - service: The service name written in every line.
    ///   - level: Minimum level.
    ///   - output: Where lines go (stdout by default).
    ///   - privacy: Personal data masking.
    ///   - metadataProvider: Extra metadata for every line.
    public init(
        label: String, service: String, level: Logger.Level = .info, output: LogOutput = .standardOutput,
        privacy: LogPrivacy = .standard, metadataProvider: Logger.MetadataProvider? = nil
    ) {
        self.label = label
        self.service = service
        self.logLevel = level
        self.output = output
        self.privacy = privacy
        self.metadataProvider = metadataProvider
    }

    /// Reads or writes one handler metadata entry.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes the event as a JSON line.
    public func log(event: LogEvent) {
        let record = LogRecord(
            event: event, label: label, service: service, handlerMetadata: metadata, provider: metadataProvider, privacy: privacy)
        var line = "{"
        line.appendJSONMember("timestamp", record.isoTimestamp, first: true)
        line.appendJSONMember("level", record.level.rawValue)
        line.appendJSONMember("service", record.service)
        line.appendJSONMember("logger", record.label)
        line.appendJSONMember("message", record.message)
        line.appendJSONMember("source", record.source)
        for (key, value) in record.fields {
            let name = Self.fixedKeys.contains(key) ? "metadata.\(key)" : key
            switch value {
            case .string(let text):
                line.appendJSONMember(name, text)
            case .array(let items):
                line += ",\"\(name.jsonEscaped)\":[" + items.map { "\"\($0.jsonEscaped)\"" }.joined(separator: ",") + "]"
            }
        }
        line += "}"
        output.write(line)
    }
}

extension String {
    /// The string escaped for use inside JSON quotes (RFC 8259).
    var jsonEscaped: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    mutating func appendJSONMember(_ key: String, _ value: String, first: Bool = false) {
        if !first { self += "," }
        self += "\"\(key.jsonEscaped)\":\"\(value.jsonEscaped)\""
    }
}
