/// The supervision card (红黄牌督办) a running stage has earned.
public enum DeadlineCard: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Within the yellow threshold.
    case none
    /// 黄牌: the yellow threshold (a fraction of the limit) is reached; the deadline approaches.
    case yellow
    /// 红牌: the limit is breached (past the due time); escalate to the supervising level.
    case red

    /// The Chinese name (`正常`, `黄牌`, `红牌`).
    public var chineseName: String {
        switch self {
        case .none: "正常"
        case .yellow: "黄牌"
        case .red: "红牌"
        }
    }

    /// `none < yellow < red`.
    public static func < (lhs: DeadlineCard, rhs: DeadlineCard) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
