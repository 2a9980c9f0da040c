public import GridDomain

/// Deadline cards issued in a period, by stage: the overdue counts (红牌) and warnings (黄牌).
public struct CardCounts: Sendable, Hashable {
    /// Red cards (逾期) by stage.
    public var red: [CaseStage: Int] = [:]
    /// Yellow cards (临期) by stage.
    public var yellow: [CaseStage: Int] = [:]

    /// None.
    public init() {}

    /// Red cards of every stage.
    public var redTotal: Int { red.values.reduce(0, +) }
    /// Yellow cards of every stage.
    public var yellowTotal: Int { yellow.values.reduce(0, +) }

    /// Adds `count` cards of `stage`.
    public mutating func add(red isRed: Bool, stage: CaseStage, count: Int = 1) {
        if isRed { red[stage, default: 0] += count } else { yellow[stage, default: 0] += count }
    }

    /// The sum of two groups' counts.
    public static func + (lhs: CardCounts, rhs: CardCounts) -> CardCounts {
        var sum = lhs
        sum.red.merge(rhs.red, uniquingKeysWith: +)
        sum.yellow.merge(rhs.yellow, uniquingKeysWith: +)
        return sum
    }
}
