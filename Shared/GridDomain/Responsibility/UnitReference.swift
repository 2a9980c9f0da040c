/// How a 权责清单 rule names a unit: a fixed unit, or "the unit of this kind serving the case's place
/// at this level", so one rule can send 道路不洁 to each street's own 环卫 unit.
public enum UnitReference: Sendable, Hashable, CustomStringConvertible {
    /// A fixed unit, written as its id, e.g. `C-WATER`.
    case unit(UnitID)
    /// The unit of `kind` that serves the case's district, street, community… at `level`, written
    /// `@level:kind`, e.g. `@street:环卫` or `@district:城管执法`.
    case local(level: GovernanceLevel, kind: UnitKind)

    /// Parses `UNIT-ID` or `@level:kind` (level in English or Chinese: `@街道:环卫`).
    public init(parsing text: String) throws(RuleSyntaxError) {
        guard text.hasPrefix("@") else {
            guard !text.isEmpty, !text.contains(where: { $0 == " " || $0 == "|" || $0 == ";" || $0 == ">" }) else {
                throw RuleSyntaxError("'\(text)' is not a unit id")
            }
            self = .unit(UnitID(text))
            return
        }
        let body = text.dropFirst()
        guard let colon = body.firstIndex(where: { $0 == ":" || $0 == "：" }) else {
            throw RuleSyntaxError("'\(text)' should be @level:kind, e.g. @street:环卫")
        }
        let levelText = String(body[..<colon]), kindText = String(body[body.index(after: colon)...])
        guard let level = GovernanceLevel(parsing: levelText) else {
            throw RuleSyntaxError("unknown level '\(levelText)' in '\(text)'; use grid, community, street, district or city")
        }
        guard !kindText.isEmpty else { throw RuleSyntaxError("'\(text)' names no unit kind after the colon") }
        self = .local(level: level, kind: UnitKind(kindText))
    }

    /// `UNIT-ID` or `@level:kind`.
    public var description: String {
        switch self {
        case .unit(let id): id.rawValue
        case .local(let level, let kind): "@\(level.rawValue):\(kind.rawValue)"
        }
    }
}
