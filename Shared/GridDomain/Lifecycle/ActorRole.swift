/// The role someone acts in when they move a case. Each lifecycle transition names the roles that may
/// perform it (see `CaseLifecycle.transitions`).
public enum ActorRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// 监督员: field supervisor of the supervision centre; reports, verifies, checks.
    case supervisor
    /// 网格员: grid worker; reports, verifies and checks in 全科网格, and may dispose of trivial
    /// problems on the spot (自行处置).
    case gridWorker = "grid_worker"
    /// 受理员: intake operator of the supervision centre; accepts reports, sends verification and
    /// check tasks, files routine cases.
    case intakeOperator = "operator"
    /// 值班长: shift lead; files, voids, approves extensions and parking, closes, blows the whistle.
    case shiftLead = "shift_lead"
    /// 派遣员: dispatcher of the command centre; dispatches and re-dispatches, escalates.
    case dispatcher
    /// 处置单位/专业部门: a disposal unit (acting through one of its staff).
    case disposalUnit = "disposal_unit"
    /// 市民: a citizen reporting through the app or an Open311 client.
    case citizen
    /// 热线坐席: a 12345/12319 hotline agent.
    case hotlineAgent = "hotline_agent"
    /// A GridLoop service acting on its own (auto-dispatch by the 权责清单, sensing, interfaces).
    case system

    /// The Chinese name used in timelines and notices.
    public var chineseName: String {
        switch self {
        case .supervisor: "监督员"
        case .gridWorker: "网格员"
        case .intakeOperator: "受理员"
        case .shiftLead: "值班长"
        case .dispatcher: "派遣员"
        case .disposalUnit: "处置单位"
        case .citizen: "市民"
        case .hotlineAgent: "热线坐席"
        case .system: "系统"
        }
    }
}
