/// How specific a 权责清单 rule is, which decides precedence among the rules matching a case.
///
/// Three ranks, compared **lexicographically in this order** (the first difference decides):
///
/// 1. **category** — 2 for a 小类, 1 for a 大类, 0 for all categories;
/// 2. **place** — 4 for grids (one or a set), 3 for communities, 2 for streets, 1 for districts,
///    0 for the whole city (`*` or the city's code);
/// 3. **conditions** — the number of conditions besides category and place: 1 for a time window,
///    plus 1 per attribute condition.
///
/// So category comes first: a 小类 rule for the whole city beats a 大类 rule for one grid, because the
/// kind of matter decides which profession is competent (行业管理) and the place only decides which
/// office of it (属地管理); a grid-set rule that should take a whole 大类 away from the city's
/// departments must therefore be written per 小类 or given the same category rank. Among equally
/// specific categories the finer place wins, and among equal category and place the rule with more
/// conditions (a night rule over the all-day rule it refines). Only then does the explicit `priority`
/// decide (higher first). Rules equal in all three ranks and in priority that send a case to different
/// units are a conflict (职能交叉): `validate` reports them and `resolve` returns `.conflict` rather
/// than guess.
public struct RuleSpecificity: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// 2 for a 小类, 1 for a 大类, 0 for all categories.
    public let category: Int
    /// 4 grid(s), 3 community, 2 street, 1 district, 0 whole city.
    public let place: Int
    /// 1 for a time window plus 1 per attribute condition.
    public let conditions: Int

    /// Creates a specificity.
    public init(category: Int, place: Int, conditions: Int) {
        self.category = category
        self.place = place
        self.conditions = conditions
    }

    /// The place rank of a level: grid 4 … city 0.
    public static func placeRank(_ level: GovernanceLevel) -> Int {
        switch level {
        case .grid: 4
        case .community: 3
        case .street: 2
        case .district: 1
        case .city: 0
        }
    }

    /// Lexicographic: category, then place, then conditions.
    public static func < (lhs: RuleSpecificity, rhs: RuleSpecificity) -> Bool {
        (lhs.category, lhs.place, lhs.conditions) < (rhs.category, rhs.place, rhs.conditions)
    }

    /// E.g. `小类/street/+1`.
    public var description: String {
        let category = ["all", "大类", "小类"][self.category]
        let place = ["city", "district", "street", "community", "grid"][self.place]
        return "\(category)/\(place)/+\(conditions)"
    }
}
