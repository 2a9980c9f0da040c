/// What the resolver needs to know about a case: its category, its grid and any attributes rules may
/// test. Small on purpose, so services can resolve without the full case model.
public struct ResponsibilityQuery: Sendable, Hashable {
    /// The case's category, normally a 小类.
    public var category: CategoryCode
    /// The unit grid the case is in.
    public var grid: PlaceCode
    /// Free-form facts rules may test with attribute conditions (e.g. `road_class: 主干道`).
    public var attributes: [String: String]

    /// Creates a query.
    public init(category: CategoryCode, grid: PlaceCode, attributes: [String: String] = [:]) {
        self.category = category
        self.grid = grid
        self.attributes = attributes
    }
}
