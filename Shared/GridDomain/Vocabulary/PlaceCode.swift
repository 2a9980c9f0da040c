/// A code in the five-level place hierarchy, following GB/T 30428.1 / CJ/T 213:
///
/// | level      | digits | form                                                        |
/// |------------|--------|-------------------------------------------------------------|
/// | city       | 6      | administrative division code, e.g. `330100`                 |
/// | district   | 6      | administrative division code, e.g. `330102`                 |
/// | street     | 9      | district code + 3-digit street/town number                  |
/// | community  | 12     | street code + 3-digit community/village number              |
/// | grid       | 15     | community code + 3-digit grid sequence (west→east, north→south) |
///
/// City and district codes are both 6 digits; which one a 6-digit code is comes from the place file,
/// so `init(_:level:)` takes the level for those, and infers it for 9, 12 and 15 digits.
public struct PlaceCode: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The decimal digits of the code.
    public let digits: String
    /// The level in the hierarchy.
    public let level: GovernanceLevel

    /// Parses a code, inferring the level from its length (6 digits default to `district`
    /// unless `level` says `city`).
    public init(_ text: String, level: GovernanceLevel? = nil) throws(DomainCodeError) {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw DomainCodeError(kind: .grid, value: text, reason: "a place code has only decimal digits")
        }
        let inferred: GovernanceLevel
        switch text.utf8.count {
        case 6: inferred = level == .city ? .city : .district
        case 9: inferred = .street
        case 12: inferred = .community
        case 15: inferred = .grid
        default:
            throw DomainCodeError(
                kind: .grid, value: text,
                reason: "expected 6 (city/district), 9 (street), 12 (community) or 15 (unit grid) digits, got \(text.utf8.count)")
        }
        if let level, level != inferred {
            throw DomainCodeError(kind: .grid, value: text, reason: "a \(text.utf8.count)-digit code cannot be a \(level.rawValue)")
        }
        if text.utf8.count == 6, text.hasPrefix("00") || text.hasSuffix("0000") && inferred == .district {
            // 6-digit codes ending in 0000 are provinces; a district ends in non-zero county digits.
            throw DomainCodeError(kind: .division, value: text, reason: "not a city or district division code")
        }
        self.digits = text
        self.level = inferred
    }

    /// The 6-digit administrative division code (the district for street, community and grid codes).
    public var divisionCode: String { String(digits.prefix(6)) }

    /// The code of the parent at `level`, when that level is encoded in this code's digits
    /// (street, community and district prefixes). The city of a district is not encoded; ask the places.
    public func ancestor(at level: GovernanceLevel) -> PlaceCode? {
        guard level < .city, level > self.level else { return level == self.level ? self : nil }
        let length: Int = switch level {
        case .district: 6
        case .street: 9
        case .community: 12
        case .grid, .city: 15
        }
        return try? PlaceCode(String(digits.prefix(length)), level: level)
    }

    public var description: String { digits }

    public static func < (lhs: PlaceCode, rhs: PlaceCode) -> Bool { lhs.digits < rhs.digits }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(digits)
    }
}
