import Foundation

extension CloudEvent {
    /// The media type GridLoop's own events use for their data.
    public static let jsonContentType = "application/json"

    /// Creates an event whose data is `payload` encoded as JSON (``EventJSON/encoder``: sorted keys,
    /// ISO-8601 UTC dates), with `datacontenttype` `application/json`.
    /// - Throws: ``CloudEventError/Code-swift.struct/invalidData`` when `payload` cannot be encoded.
    public init<Payload: Encodable>(
        id: String,
        source: String,
        type: String,
        subject: String? = nil,
        time: Date? = nil,
        dataSchema: String? = nil,
        payload: Payload,
        traceContext: TraceContext? = nil,
        extensions: [String: String] = [:]
    ) throws(CloudEventError) {
        let data: Data
        do {
            data = try EventJSON.encoder.encode(payload)
        } catch {
            throw CloudEventError(code: .invalidData, message: "cannot encode \(Payload.self) as JSON: \(error)")
        }
        self.init(
            id: id,
            source: source,
            type: type,
            subject: subject,
            time: time,
            dataContentType: Self.jsonContentType,
            dataSchema: dataSchema,
            data: Array(data),
            traceContext: traceContext,
            extensions: extensions
        )
    }

    /// Decodes ``data`` as JSON into `Payload`.
    /// - Throws: ``CloudEventError/Code-swift.struct/invalidData`` when there is no data, the content type
    ///   is not JSON, or the JSON does not match `Payload` (the message names the failing field).
    public func decodePayload<Payload: Decodable>(_: Payload.Type = Payload.self) throws(CloudEventError) -> Payload {
        if let dataContentType, !Self.isJSON(dataContentType) {
            throw CloudEventError(
                code: .invalidData,
                attribute: "datacontenttype",
                message: "expected JSON data, got '\(dataContentType)'"
            )
        }
        guard let data else {
            throw CloudEventError(code: .invalidData, message: "event \(id) of type \(type) has no data")
        }
        do {
            return try EventJSON.decoder.decode(Payload.self, from: Data(data))
        } catch {
            throw CloudEventError(
                code: .invalidData,
                message: "event \(id) of type \(type): data is not a valid \(Payload.self): \(EventJSON.describe(error))"
            )
        }
    }

    /// `true` for `application/json` and `…+json` media types, with or without parameters.
    static func isJSON(_ mediaType: String) -> Bool {
        let essence = mediaType.split(separator: ";", maxSplits: 1)[0].trimmingCharacters(in: .whitespaces).lowercased()
        return essence == "application/json" || essence.hasSuffix("+json")
    }
}
