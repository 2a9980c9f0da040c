/// The human case number (案件编号) shown on notices, work orders and reports, e.g. `"LJ2025031200123"`
/// or a hotline's work-order number such as `"GD-12345-20250312-0042"`.
///
/// Its layout is each city's (or hotline's) own, so it is kept as text and only checked for being a
/// short, printable token: 1–40 characters from `A–Z a–z 0–9 - _ /`.
public struct CaseNumber: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The number as printed.
    public let rawValue: String

    /// The longest accepted number, in characters.
    public static let maximumLength = 40

    /// Checks and wraps a case number.
    public init(_ text: String) throws(CaseDataError) {
        guard !text.isEmpty, text.utf8.count <= Self.maximumLength else {
            throw CaseDataError(field: "case number", value: text, reason: "must have 1 to \(Self.maximumLength) characters")
        }
        guard text.utf8.allSatisfy(Self.isAllowed) else {
            throw CaseDataError(
                field: "case number", value: text, reason: "may only contain letters A–Z/a–z, digits and - _ /")
        }
        self.rawValue = text
    }

    /// Wraps a case number, returning `nil` when it is not valid (see `init(_:)`).
    public init?(rawValue: String) {
        guard let number = try? CaseNumber(rawValue) else { return nil }
        self = number
    }

    /// The number as printed.
    public var description: String { rawValue }

    /// Orders by text.
    public static func < (lhs: CaseNumber, rhs: CaseNumber) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decodes and validates the text form.
    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the text form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "/"):
            true
        default:
            false
        }
    }
}
