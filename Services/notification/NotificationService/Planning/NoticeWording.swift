public import GridDomain

extension CaseState {
    /// The state's Chinese name in notifications (`已派遣`).
    public var noticeName: String {
        switch self {
        case .reported: "已上报"
        case .verifying: "核实中"
        case .filed: "已立案"
        case .notFiled: "不予立案"
        case .duplicate: "重复"
        case .void: "作废"
        case .dispatched: "已派遣"
        case .returned: "已退回"
        case .inDisposal: "处置中"
        case .parked: "挂账"
        case .disposed: "已处置"
        case .checking: "核查中"
        case .rework: "返工"
        case .checked: "已核查"
        case .closed: "已结案"
        case .escalated: "已上报上级"
        case .jointResponse: "吹哨报到中"
        }
    }
}

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
    /// `黄牌` or `红牌`.
    public var noticeName: String { self == .yellow ? "黄牌" : "红牌" }
}
