/// The kind of work a disposal unit does (e.g. 环卫, 市政, 城管执法, 园林, 住建, 交通, 公安, 消防,
/// 市场监管, 生态环境, 社区). The set is city configuration, so this is an open string identifier;
/// the 权责清单 can name "the 环卫 unit of the case's street" by level and kind.
public struct UnitKind: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The identifier as written.
    public let rawValue: String
    /// Creates a value from its identifier.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Creates a value from its identifier.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// A readable form for messages and logs.
    public var description: String { rawValue }
    /// Orders by identifier.
    public static func < (lhs: UnitKind, rhs: UnitKind) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A disposal unit or department (处置单位/专业部门) that cases can be dispatched to.
public struct DisposalUnit: Sendable, Hashable {
    /// The unit's identifier, e.g. `D339901-SANITATION`.
    public let id: UnitID
    /// The Chinese name, e.g. `江滨区环境卫生管理处`.
    public let name: String
    /// The level of government the unit belongs to.
    public let level: GovernanceLevel
    /// The place the unit serves: the city, a district, a street (or a community/grid for units at
    /// those levels); always at `level`.
    public let place: PlaceCode
    /// The kind of work it does.
    public let kind: UnitKind

    /// Creates a unit.
    public init(id: UnitID, name: String, level: GovernanceLevel, place: PlaceCode, kind: UnitKind) {
        self.id = id
        self.name = name
        self.level = level
        self.place = place
        self.kind = kind
    }
}
