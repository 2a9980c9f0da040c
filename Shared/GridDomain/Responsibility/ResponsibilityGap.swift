/// A 管理真空: cases of `category` in `place` that no rule gives to a unit at `uncoveredTimes`.
///
/// Compressed but exact: `place` is the coarsest place all of whose grids share the gap (the city, a
/// district, a street, a community or a grid), and `category` is a 大类 when every one of its 小类 has
/// the same gaps. Only rules without attribute conditions count as covering (a case need not carry
/// any attribute), and a rule whose lead names no unit for a place does not cover it.
public struct ResponsibilityGap: Sendable, Hashable, CustomStringConvertible {
    /// The uncovered category: a 小类, or a 大类 standing for all its 小类.
    public let category: CategoryCode
    /// The uncovered place: every grid in it is uncovered.
    public let place: PlaceCode
    /// When in the week no rule applies (`WeeklyTimeSet.all`: never covered).
    public let uncoveredTimes: WeeklyTimeSet
    /// The days on which the gap exists.
    public let period: EffectivePeriod

    /// A readable form for messages and logs.
    public var description: String {
        "gap: \(category) in \(place)" + (uncoveredTimes.isFull ? "" : " at \(uncoveredTimes)") + " (\(period))"
    }
}
