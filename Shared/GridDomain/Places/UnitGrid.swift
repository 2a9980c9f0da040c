/// A unit grid (单元网格): the smallest managed area, with its area class and polygon(s).
public struct UnitGrid: Sendable, Hashable {
    /// The 15-digit grid code.
    public let code: PlaceCode
    /// The grid's name (the code when the file gives none).
    public let name: String
    /// The area class (管理等级), which selects time limits and assessment standards.
    public let areaClass: AreaClass
    /// The grid's area.
    public let geometry: GridGeometry

    /// Creates a grid.
    public init(code: PlaceCode, name: String, areaClass: AreaClass, geometry: GridGeometry) {
        self.code = code
        self.name = name
        self.areaClass = areaClass
        self.geometry = geometry
    }

    /// The community (社区/村) the grid belongs to, encoded in the first 12 digits of its code.
    public var community: PlaceCode { code.ancestor(at: .community)! }  // a 15-digit code always has one
}
