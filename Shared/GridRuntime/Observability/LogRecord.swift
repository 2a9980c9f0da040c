import GridDomain
import Foundation
import Logging

/// One log event with metadata merged (handler < provider < call) and flattened, personal data
/// already masked. Shared by the JSON and text handlers.
struct LogRecord {
    let timestamp: Date
    let level: Logger.Level
    let label: String
    let service: String
    let message: String
    let source: String
    /// Flattened metadata: nested dictionaries become `parent.child` keys; arrays are kept.
    let fields: [(key: String, value: FieldValue)]

    enum FieldValue {
        case string(String)
        case array([String])
    }

    init(
        event: LogEvent, label: String, service: String, handlerMetadata: Logger.Metadata,
        provider: Logger.MetadataProvider?, privacy: LogPrivacy, timestamp: Date = Date()
    ) {
        var merged = handlerMetadata
        if let provided = provider?.get() { merged.merge(provided) { _, new in new } }
        if let call = event.metadata { merged.merge(call) { _, new in new } }
        self.timestamp = timestamp
        self.level = event.level
        self.label = label
        self.service = service
        self.message = privacy.masksFreeText ? Masking.freeText(event.message.description) : event.message.description
        self.source = event.source
        var fields: [(key: String, value: FieldValue)] = []
        for key in merged.keys.sorted() {
            Self.flatten(merged[key]!, key: key, privacy: privacy, into: &fields)
        }
        self.fields = fields
    }

    private static func flatten(_ value: Logger.MetadataValue, key: String, privacy: LogPrivacy, into fields: inout [(key: String, value: FieldValue)]) {
        switch value {
        case .dictionary(let dictionary):
            for childKey in dictionary.keys.sorted() {
                flatten(dictionary[childKey]!, key: "\(key).\(childKey)", privacy: privacy, into: &fields)
            }
        case .array(let values):
            fields.append((key, .array(values.map { render($0, key: key, privacy: privacy) })))
        default:
            fields.append((key, .string(render(value, key: key, privacy: privacy))))
        }
    }

    private static func render(_ value: Logger.MetadataValue, key: String, privacy: LogPrivacy) -> String {
        switch value {
        case .stringConvertible(let personal as PersonalData):
            return personal.masked
        case .string(let text):
            return privacy.protect(text, key: key)
        case .stringConvertible(let convertible):
            return privacy.protect(convertible.description, key: key)
        case .dictionary, .array:
            return privacy.protect(value.description, key: key)
        }
    }

    /// ISO-8601 UTC with milliseconds, e.g. `2025-03-01T08:00:00.123Z`.
    var isoTimestamp: String {
        timestamp.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
