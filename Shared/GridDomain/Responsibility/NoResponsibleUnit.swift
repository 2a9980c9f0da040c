/// Why no unit is responsible for a case.
public struct NoResponsibleUnit: Sendable, Hashable, CustomStringConvertible {
    /// The reason. Extensible: new reasons may be added.
    public struct Reason: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The identifier as written.
        public let rawValue: String
        /// Creates a value from its identifier.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// A readable form for messages and logs.
        public var description: String { rawValue }

        /// The grid is not one of the city's unit grids.
        public static let unknownGrid = Reason(rawValue: "unknown_grid")
        /// The category is not in the catalog.
        public static let unknownCategory = Reason(rawValue: "unknown_category")
        /// No rule covers this category here at this time (a gap, 管理真空).
        public static let noMatchingRule = Reason(rawValue: "no_matching_rule")
        /// Rules apply, but every one of their lead units was excluded (e.g. they all returned the case).
        public static let allMatchingUnitsExcluded = Reason(rawValue: "all_matching_units_excluded")
    }

    /// Why there is no unit.
    public let reason: Reason
    /// The case's category.
    public let category: CategoryCode
    /// The case's grid.
    public let grid: PlaceCode
    /// The list version consulted.
    public let listVersion: String

    /// Creates the result.
    public init(reason: Reason, category: CategoryCode, grid: PlaceCode, listVersion: String) {
        self.reason = reason
        self.category = category
        self.grid = grid
        self.listVersion = listVersion
    }

    /// A readable form for messages and logs.
    public var description: String { "\(reason) for \(category) in grid \(grid) (list \(listVersion))" }
}
