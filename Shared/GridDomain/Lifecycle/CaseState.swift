/// Where a case stands in its loop. See `docs/lifecycle.md` for the diagram and
/// `CaseLifecycle.transitions` for every legal move.
///
/// Extension and parking requests do not have states of their own: while one is pending the case
/// stays `inDisposal` with `Case.pendingRequest` set (the unit keeps working and the clock keeps
/// running until a request is approved). "Signed for" and "re-dispatched" are events, not states:
/// signing for moves a case to `inDisposal`, re-dispatching moves it back to `dispatched`.
public enum CaseState: String, Sendable, Hashable, Codable, CaseIterable {
    /// 已上报: reported, waiting for the operator (verification, filing or rejection).
    case reported
    /// 核实中: a supervisor or grid worker is verifying the report on site.
    case verifying
    /// 已立案: filed, waiting for dispatch.
    case filed
    /// 不予立案/不受理: closed without a case (terminal).
    case notFiled = "not_filed"
    /// 重复: repeats an open case and is linked to it (terminal).
    case duplicate
    /// 作废: a filed case withdrawn as invalid; counts against filing accuracy (terminal).
    case void
    /// 已派遣: dispatched to a lead unit, waiting for it to sign for the task.
    case dispatched
    /// 已退回: the unit returned the task as not its own; waiting for re-dispatch (改派).
    case returned
    /// 处置中: signed for and being disposed of; an extension or parking request may be pending.
    case inDisposal = "in_disposal"
    /// 挂账/缓办: parked; the disposal clock is stopped and the case leaves on-time denominators.
    case parked
    /// 已处置: the unit reported the disposal; waiting for a check task.
    case disposed
    /// 核查中: a supervisor is checking the disposal on site.
    case checking
    /// 返工: the check failed; back to the same unit, waiting for it to sign for the rework.
    case rework
    /// 已核查: the check passed; waiting for the shift lead to close (and, for hotline cases, the call-back).
    case checked
    /// 已结案 (terminal).
    case closed
    /// 已上报上级: escalated to a higher level, waiting for that level to dispatch.
    case escalated
    /// 吹哨报到: a joint response; summoned departments must report and dispose together.
    case jointResponse = "joint_response"

    /// True for the states a case never leaves.
    public var isTerminal: Bool {
        switch self {
        case .notFiled, .duplicate, .void, .closed: true
        default: false
        }
    }

    /// The Chinese name used in timelines and reports.
    public var chineseName: String {
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
        case .jointResponse: "吹哨报到"
        }
    }
}
