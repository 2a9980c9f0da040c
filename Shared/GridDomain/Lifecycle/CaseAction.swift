import Foundation

/// A step someone takes on a case, with what the step needs. Apply it with `CaseLifecycle.apply`.
///
/// The Chinese names follow the usual 数字城管 wording; `kind` identifies the step without its data.
public enum CaseAction: Sendable, Hashable, Codable {
    /// 派发核实: send the report to a supervisor or grid worker for on-site verification.
    case requestVerification
    /// 核实反馈: the verifier reports whether the problem is real (`confirmed`) and where it stands.
    case reportVerification(confirmed: Bool, note: String?)
    /// 立案: file the case, optionally setting or correcting its category and urgency.
    case file(category: CategoryCode?, urgency: Urgency?)
    /// 不予立案/不受理: close the report without a case.
    case notFile(reason: NotFiledReason, note: String?)
    /// 重复: link the report to the open case it repeats.
    case markDuplicate(of: CaseID)
    /// 作废: withdraw a filed case as invalid.
    case void(reason: String)
    /// 派遣: send the case to a lead unit (主办) and co-units (协办).
    case dispatch(lead: UnitID, coUnits: [UnitID])
    /// 签收: the lead unit accepts the task (also for a rework).
    case signFor
    /// 退回: the lead unit returns a task that is not its own.
    case returnToDispatcher(reason: String)
    /// 改派: send a returned case to a (usually different) lead unit.
    case redispatch(lead: UnitID, coUnits: [UnitID])
    /// 延期申请: the lead unit asks for more time.
    case requestExtension(TimeLimit, reason: String)
    /// 延期批准: the shift lead grants the request, or a different amount when `granted` is given.
    case approveExtension(granted: TimeLimit?)
    /// 延期驳回.
    case denyExtension(reason: String)
    /// 挂账申请: the lead unit asks to park a case that cannot be solved within any limit.
    case requestPark(reason: String)
    /// 挂账批准: the case is parked and its disposal clock stops.
    case approvePark
    /// 挂账驳回.
    case denyPark(reason: String)
    /// 解除挂账: a parked case goes back to disposal and its clock runs again.
    case resume
    /// 处置反馈: the unit reports the problem solved, with notes and photos.
    case reportDisposal(note: String, attachments: [URL])
    /// 派发核查: send the disposed case to a supervisor for an on-site check.
    case assignCheck
    /// 核查通过.
    case passCheck(note: String?)
    /// 核查不通过: back to the same unit for rework (返工).
    case failCheck(reason: String)
    /// 回访: the hotline caller was called back and rated the handling.
    case recordCallback(satisfaction: Satisfaction, note: String?)
    /// 结案.
    case close
    /// 自行处置: the grid worker who reported a trivial problem solved it on the spot; the case closes.
    case selfDispose(note: String, attachments: [URL])
    /// 上报上级: hand the case to a higher level that can solve it.
    case escalate(to: GovernanceLevel, reason: String)
    /// 吹哨: summon departments for a joint response (报到).
    case blowWhistle(units: [UnitID], reason: String)
    /// 报到: a summoned department reports at the scene.
    case reportArrival

    /// A step without its data, for tables, guards, metrics and errors.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// `CaseAction.requestVerification`.
        case requestVerification = "request_verification"
        /// `CaseAction.reportVerification`.
        case reportVerification = "report_verification"
        /// `CaseAction.file`.
        case file
        /// `CaseAction.notFile`.
        case notFile = "not_file"
        /// `CaseAction.markDuplicate`.
        case markDuplicate = "mark_duplicate"
        /// `CaseAction.void`.
        case void
        /// `CaseAction.dispatch`.
        case dispatch
        /// `CaseAction.signFor`.
        case signFor = "sign_for"
        /// `CaseAction.returnToDispatcher`.
        case returnToDispatcher = "return"
        /// `CaseAction.redispatch`.
        case redispatch
        /// `CaseAction.requestExtension`.
        case requestExtension = "request_extension"
        /// `CaseAction.approveExtension`.
        case approveExtension = "approve_extension"
        /// `CaseAction.denyExtension`.
        case denyExtension = "deny_extension"
        /// `CaseAction.requestPark`.
        case requestPark = "request_park"
        /// `CaseAction.approvePark`.
        case approvePark = "approve_park"
        /// `CaseAction.denyPark`.
        case denyPark = "deny_park"
        /// `CaseAction.resume`.
        case resume
        /// `CaseAction.reportDisposal`.
        case reportDisposal = "report_disposal"
        /// `CaseAction.assignCheck`.
        case assignCheck = "assign_check"
        /// `CaseAction.passCheck`.
        case passCheck = "pass_check"
        /// `CaseAction.failCheck`.
        case failCheck = "fail_check"
        /// `CaseAction.recordCallback`.
        case recordCallback = "record_callback"
        /// `CaseAction.close`.
        case close
        /// `CaseAction.selfDispose`.
        case selfDispose = "self_dispose"
        /// `CaseAction.escalate`.
        case escalate
        /// `CaseAction.blowWhistle`.
        case blowWhistle = "blow_whistle"
        /// `CaseAction.reportArrival`.
        case reportArrival = "report_arrival"

        /// The Chinese name used in timelines.
        public var chineseName: String {
            switch self {
            case .requestVerification: "派发核实"
            case .reportVerification: "核实反馈"
            case .file: "立案"
            case .notFile: "不予立案"
            case .markDuplicate: "重复件"
            case .void: "作废"
            case .dispatch: "派遣"
            case .signFor: "签收"
            case .returnToDispatcher: "退回"
            case .redispatch: "改派"
            case .requestExtension: "延期申请"
            case .approveExtension: "延期批准"
            case .denyExtension: "延期驳回"
            case .requestPark: "挂账申请"
            case .approvePark: "挂账批准"
            case .denyPark: "挂账驳回"
            case .resume: "解除挂账"
            case .reportDisposal: "处置反馈"
            case .assignCheck: "派发核查"
            case .passCheck: "核查通过"
            case .failCheck: "核查不通过"
            case .recordCallback: "回访"
            case .close: "结案"
            case .selfDispose: "自行处置"
            case .escalate: "上报上级"
            case .blowWhistle: "吹哨"
            case .reportArrival: "报到"
            }
        }
    }

    /// The step without its data.
    public var kind: Kind {
        switch self {
        case .requestVerification: .requestVerification
        case .reportVerification: .reportVerification
        case .file: .file
        case .notFile: .notFile
        case .markDuplicate: .markDuplicate
        case .void: .void
        case .dispatch: .dispatch
        case .signFor: .signFor
        case .returnToDispatcher: .returnToDispatcher
        case .redispatch: .redispatch
        case .requestExtension: .requestExtension
        case .approveExtension: .approveExtension
        case .denyExtension: .denyExtension
        case .requestPark: .requestPark
        case .approvePark: .approvePark
        case .denyPark: .denyPark
        case .resume: .resume
        case .reportDisposal: .reportDisposal
        case .assignCheck: .assignCheck
        case .passCheck: .passCheck
        case .failCheck: .failCheck
        case .recordCallback: .recordCallback
        case .close: .close
        case .selfDispose: .selfDispose
        case .escalate: .escalate
        case .blowWhistle: .blowWhistle
        case .reportArrival: .reportArrival
        }
    }
}
