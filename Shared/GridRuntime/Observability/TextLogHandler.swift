public import Logging

/// Human-readable log lines for development:
/// `2025-03-01T08:00:00.123Z info intake: case filed case_id=C-1 request_id=…`.
/// Masks personal data like ``JSONLogHandler``.
public struct TextLogHandler: LogHandler {
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

    /// Creates a handler; parameters as for ``JSONLogHandler``.
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

    /// Writes the event as one text line.
    public func log(event: LogEvent) {
        let record = LogRecord(
            event: event, label: label, service: service, handlerMetadata: metadata, provider: metadataProvider, privacy: privacy)
        var line = "\(record.isoTimestamp) \(record.level.rawValue) \(record.service): \(record.message)"
        for (key, value) in record.fields {
            switch value {
            case .string(let text): line += " \(key)=\(text)"
            case .array(let items): line += " \(key)=[\(items.joined(separator: ", "))]"
            }
        }
        output.write(line)
    }
}
