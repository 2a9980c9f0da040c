/// A 职能交叉: two equally specific rules of equal priority that can both match a case and send it to
/// different units (or the same lead with different co-units or tier).
public struct ResponsibilityConflict: Sendable, Hashable, CustomStringConvertible {
    /// The two rules, in list order.
    public let ruleIDs: [String]
    /// The category both cover (`nil`: all categories).
    public let category: CategoryCode?
    /// Where they disagree: the rules' shared place, or the places below it where their units differ.
    public let places: [PlaceCode]
    /// When in the week both apply.
    public let times: WeeklyTimeSet
    /// The attribute conditions a case must meet for both to apply (empty: none).
    public let attributes: [AttributeCondition]
    /// The days on which both apply.
    public let period: EffectivePeriod

    /// A readable form for messages and logs.
    public var description: String {
        "conflict: \(ruleIDs.joined(separator: " vs ")) for \(category.map(\.description) ?? "all categories") in "
            + places.map(\.description).joined(separator: ", ")
            + (times.isFull ? "" : " at \(times)")
            + (attributes.isEmpty ? "" : " when \(attributes.map(\.description).joined(separator: ";"))")
            + " (\(period))"
    }
}
