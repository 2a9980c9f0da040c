/// Identifies a disposal unit or department (处置单位/专业部门), e.g. `"D01-SANITATION"`.
/// The registry of units, with their names and levels, is city configuration.
public struct UnitID: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (lhs: UnitID, rhs: UnitID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The level of government a unit or a handling tier belongs to, from the grid upward.
/// The order is meaningful: escalation moves to a higher level.
public enum GovernanceLevel: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case grid, community, street, district, city

    public static func < (lhs: GovernanceLevel, rhs: GovernanceLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The Chinese name: 网格, 社区/村, 街道/乡镇, 区/县, 市.
    public var chineseName: String {
        switch self {
        case .grid: "网格"
        case .community: "社区/村"
        case .street: "街道/乡镇"
        case .district: "区/县"
        case .city: "市"
        }
    }
}
