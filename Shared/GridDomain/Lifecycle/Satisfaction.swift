/// A hotline caller's rating at the call-back (回访满意度).
public enum Satisfaction: String, Sendable, Hashable, Codable, CaseIterable {
    /// 满意.
    case satisfied
    /// 基本满意.
    case basicallySatisfied = "basically_satisfied"
    /// 不满意.
    case dissatisfied
    /// 未接通/拒绝评价: the caller could not be reached or declined to rate.
    case unreachable

    /// The Chinese name.
    public var chineseName: String {
        switch self {
        case .satisfied: "满意"
        case .basicallySatisfied: "基本满意"
        case .dissatisfied: "不满意"
        case .unreachable: "未接通"
        }
    }
}
