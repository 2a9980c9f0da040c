/// A named place of the hierarchy: the city, a district (区/县), a street or town (街道/乡镇), a
/// community or village (社区/村), or a unit grid (单元网格).
public struct Place: Sendable, Hashable {
    /// The place's code; its level is `code.level`.
    public let code: PlaceCode
    /// The Chinese name, e.g. `江滨区`, `望江街道`, `望江社区第3网格`.
    public let name: String
    /// The enclosing place, `nil` only for the city.
    public let parent: PlaceCode?

    /// Creates a place.
    public init(code: PlaceCode, name: String, parent: PlaceCode?) {
        self.code = code
        self.name = name
        self.parent = parent
    }

    /// The level in the hierarchy.
    public var level: GovernanceLevel { code.level }
}
