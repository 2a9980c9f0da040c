/// How urgent a case is (紧急程度), as set at report or filing time.
///
/// Urgency does not change the deadline policy by itself (limits come from the category, stage and
/// area class); services use it to order work lists and to choose notification channels.
public enum Urgency: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// 一般.
    case normal
    /// 紧急.
    case urgent
    /// 特急: danger to people or property; handled at once.
    case emergency

    /// The Chinese name.
    public var chineseName: String {
        switch self {
        case .normal: "一般"
        case .urgent: "紧急"
        case .emergency: "特急"
        }
    }

    /// `normal < urgent < emergency`.
    public static func < (lhs: Urgency, rhs: Urgency) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
