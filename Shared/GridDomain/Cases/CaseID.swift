import Foundation

/// The stable identity of a case: a UUID, used as the database key, the Kafka message key and in links
/// between cases (a duplicate points at the case it repeats).
///
/// The text form is the lower-case UUID, e.g. `"0b6c3f1e-8a4d-4c43-9d1e-2f0e6c1b7a55"`.
public struct CaseID: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The UUID.
    public let rawValue: UUID

    /// Wraps an existing UUID.
    public init(rawValue: UUID) { self.rawValue = rawValue }

    /// A new random identity.
    public init() { self.rawValue = UUID() }

    /// Parses the text form; `nil` when `text` is not a UUID.
    public init?(_ text: String) {
        guard let uuid = UUID(uuidString: text) else { return nil }
        self.rawValue = uuid
    }

    /// The lower-case UUID.
    public var description: String { rawValue.uuidString.lowercased() }

    /// Decodes the text form (upper- or lower-case UUID).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = CaseID(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a UUID")
        }
        self = id
    }

    /// Encodes the lower-case text form, the same as the Kafka key and the CloudEvents subject.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Orders by the text form, so sorted output is stable.
    public static func < (lhs: CaseID, rhs: CaseID) -> Bool { lhs.description < rhs.description }
}
