extension GovernanceLevel {
    /// Parses a level as written in a city's data files: the English raw value (`grid`, `community`,
    /// `street`, `district`, `city`) or a usual Chinese name (网格, 社区, 村, 社区/村, 街道, 乡镇, 镇,
    /// 街道/乡镇, 区, 县, 区/县, 市). Returns `nil` for anything else.
    public init?(parsing text: String) {
        if let level = GovernanceLevel(rawValue: text.lowercased()) {
            self = level
            return
        }
        switch text {
        case "网格", "单元网格": self = .grid
        case "社区", "村", "社区/村", "居委会", "村委会": self = .community
        case "街道", "乡镇", "镇", "乡", "街道/乡镇": self = .street
        case "区", "县", "区/县", "县级市": self = .district
        case "市": self = .city
        default: return nil
        }
    }

    /// The next level up, or `nil` for the city.
    public var parentLevel: GovernanceLevel? {
        switch self {
        case .grid: .community
        case .community: .street
        case .street: .district
        case .district: .city
        case .city: nil
        }
    }
}
