/// One row of the 权责清单: which unit handles which matters, where, when, and at what tier.
public struct ResponsibilityRule: Sendable, Hashable {
    /// A stable identifier staff refer to, e.g. `R0101`.
    public let id: String
    /// The category the rule covers: a 小类, a 大类 (all its 小类), or `nil` for every category.
    public let category: CategoryCode?
    /// The places the rule covers, all at one level (districts, streets, communities or grids); empty
    /// for the whole city.
    public let places: [PlaceCode]
    /// When in the week the rule applies (local time), or `nil` for always.
    public let window: RuleTimeWindow?
    /// Conditions on the case's attributes; all must hold.
    public let attributes: [AttributeCondition]
    /// The lead unit (主办).
    public let lead: UnitReference
    /// Co-units (协办).
    public let coUnits: [UnitReference]
    /// The handling tier: where the matter is handled first (grid self-disposal, community, street,
    /// district or city).
    public let tier: GovernanceLevel
    /// Who takes the case when the tier cannot solve it, upward, nearest first.
    public let escalation: [UnitReference]
    /// Breaks ties between equally specific rules; higher wins. Default 0.
    public let priority: Int
    /// The first day the rule applies, or `nil` for no start.
    public let validFrom: EffectiveDate?
    /// The last day the rule applies (inclusive), or `nil` for no end.
    public let validThrough: EffectiveDate?
    /// A free-text note (the legal basis, a memo number…).
    public let note: String
    /// The line of the source file the rule came from, when it came from one.
    public let line: Int?

    /// Creates a rule.
    public init(
        id: String, category: CategoryCode?, places: [PlaceCode] = [], window: RuleTimeWindow? = nil,
        attributes: [AttributeCondition] = [], lead: UnitReference, coUnits: [UnitReference] = [],
        tier: GovernanceLevel, escalation: [UnitReference] = [], priority: Int = 0,
        validFrom: EffectiveDate? = nil, validThrough: EffectiveDate? = nil, note: String = "", line: Int? = nil
    ) {
        self.id = id
        self.category = category
        self.places = places
        self.window = window
        self.attributes = attributes
        self.lead = lead
        self.coUnits = coUnits
        self.tier = tier
        self.escalation = escalation
        self.priority = priority
        self.validFrom = validFrom
        self.validThrough = validThrough
        self.note = note
        self.line = line
    }

    /// The level of the places the rule covers (`.city` for the whole city).
    public var placeLevel: GovernanceLevel { places.first?.level ?? .city }

    /// How specific the rule is (see `RuleSpecificity` for how precedence is decided).
    public var specificity: RuleSpecificity {
        RuleSpecificity(
            category: category.map { $0.isMinorClass ? 2 : 1 } ?? 0,
            place: RuleSpecificity.placeRank(placeLevel),
            conditions: (window == nil ? 0 : 1) + attributes.count)
    }

    /// True when the rule applies on the day (days since 1970-01-01, local time).
    public func isEffective(onDay day: Int) -> Bool {
        (validFrom.map { $0.dayNumber <= day } ?? true) && (validThrough.map { day <= $0.dayNumber } ?? true)
    }

    /// Where the rule is written, for messages: `R0101 (line 12)`.
    var label: String { line.map { "\(id) (line \($0))" } ?? id }
}
