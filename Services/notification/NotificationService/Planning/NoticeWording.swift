public import GridDomain

extension ManualDispatchRequiredV1.Reason {
    /// The reason's Chinese wording in notifications.
    public var noticeName: String {
        switch self {
        case .locationUnresolved: "无法定位到网格"
        case .noResponsibleUnit: "权责清单无责任单位"
        case .ambiguousResponsibility: "权责清单存在职能交叉"
        case .returnedByUnit: "处置单位退回"
        case .escalated: "上报上级需人工派遣"
        }
    }
}

extension DeadlineCardV1.Card {
    /// `黄牌` or `红牌`: the domain's name of the card (``DeadlineCard/chineseName``).
    public var noticeName: String { (self == .yellow ? DeadlineCard.yellow : DeadlineCard.red).chineseName }
}
