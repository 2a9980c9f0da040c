import Foundation

/// An alert from video analytics or an IoT sensor (智能感知), version 1 of the inbound contract on
/// `gridloop.sensing.alerts` (key: the device id; value: this JSON object; `ce_*` headers accepted).
/// Schema: `docs/contracts/sensing-alert.v1.schema.json`.
///
/// Decoding is lenient like `HotlineWorkOrderV1`: `validate()` reports every problem at once.
public struct SensingAlertV1: Sendable, Hashable, Codable {
    /// The schema version this type reads and writes.
    public static let currentSchemaVersion = 1
    /// Longest description, in characters.
    public static let maximumDescriptionLength = CaseReport.maximumDetailsLength

    /// Must be 1.
    public var schemaVersion: Int?
    /// The sensing platform's alert id: 1–40 characters from `A–Z a–z 0–9 - _ /` (a UUID fits).
    public var alertId: String?
    /// The camera or sensor: 1–64 characters from `A–Z a–z 0–9 - _ / . :`.
    public var deviceId: String?
    /// When the device observed the problem.
    public var observedAt: Date?
    /// The detector's own label (e.g. `garbage_overflow`), informational.
    public var detection: String?
    /// The category in the city's catalog, when the platform maps its detections.
    public var category: CategoryCode?
    /// The detector's confidence, 0…1, when given.
    public var confidence: Double?
    /// The urgency; `normal` when absent.
    public var urgency: Urgency?
    /// What was observed, in words (1–4,000 characters).
    public var description: String?
    /// Where: the device's or the detection's point and/or place code.
    public var location: InboundLocationV1?
    /// Snapshots or clips: http(s) URLs (at most 20).
    public var attachments: [String]?
    /// The 16-digit component id, for 部件 problems (a manhole cover sensor…).
    public var componentId: ComponentID?

    /// Problems found while decoding.
    public private(set) var decodingProblems: [ContractProblem] = []

    /// Creates an alert (for producers and tests); `schemaVersion` is the current one.
    public init(
        alertId: String?, deviceId: String?, observedAt: Date?, detection: String? = nil, category: CategoryCode? = nil,
        confidence: Double? = nil, urgency: Urgency? = nil, description: String?, location: InboundLocationV1?,
        attachments: [String]? = nil, componentId: ComponentID? = nil
    ) {
        self.schemaVersion = Self.currentSchemaVersion
        self.alertId = alertId
        self.deviceId = deviceId
        self.observedAt = observedAt
        self.detection = detection
        self.category = category
        self.confidence = confidence
        self.urgency = urgency
        self.description = description
        self.location = location
        self.attachments = attachments
        self.componentId = componentId
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case schemaVersion, alertId, deviceId, observedAt, detection, category, confidence, urgency, description
        case location, attachments, componentId
    }

    /// Decodes leniently; throws only when the value is not a JSON object.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var problems: [ContractProblem] = []
        schemaVersion = c.lenient(Int.self, .schemaVersion, &problems)
        alertId = c.lenient(String.self, .alertId, &problems)
        deviceId = c.lenient(String.self, .deviceId, &problems)
        observedAt = c.lenientTimestamp(.observedAt, &problems)
        detection = c.lenient(String.self, .detection, &problems)
        category = c.lenient(CategoryCode.self, .category, &problems)
        confidence = c.lenient(Double.self, .confidence, &problems)
        urgency = c.lenientEnum(Urgency.self, .urgency, &problems)
        description = c.lenient(String.self, .description, &problems)
        location = c.lenient(InboundLocationV1.self, .location, &problems)
        attachments = c.lenient([String].self, .attachments, &problems)
        componentId = c.lenient(ComponentID.self, .componentId, &problems)
        decodingProblems = problems
    }

    /// Decodes an alert from a Kafka record value; throws when it is not a JSON object.
    public static func decode(_ value: Data) throws(ContractValidationError) -> SensingAlertV1 {
        do {
            return try ContractJSON.decoder.decode(SensingAlertV1.self, from: value)
        } catch {
            throw ContractValidationError(
                subject: "sensing alert", field: "", code: .invalidFormat,
                message: "the value is not a JSON object: \(LifecycleTopicEventV1.describe(error))")
        }
    }
}
