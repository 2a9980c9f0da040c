import Foundation

/// A lifecycle step with its parameters, in the contracts. It is coded as one flat JSON object whose
/// `step` names the step (the `CaseAction.Kind` raw value) and whose other keys are the step's
/// parameters:
///
/// ```json
/// {"step": "dispatch", "lead": "D01-SANITATION", "coUnits": ["D01-GREENING"]}
/// {"step": "request_extension", "requested": {"amount": 2, "unit": "working_days"}, "reason": "等待配件"}
/// {"step": "sign_for"}
/// ```
///
/// Optional parameters are left out when absent; lists are always written. Unknown keys are ignored.
/// See `docs/contracts/case-action.v1.schema.json` for every step's keys.
public enum CaseActionV1: Sendable, Hashable {
    /// `request_verification`: 派发核实.
    case requestVerification
    /// `report_verification`: 核实反馈; keys `confirmed`, `note`?.
    case reportVerification(confirmed: Bool, note: String?)
    /// `file`: 立案; keys `category`?, `urgency`?.
    case file(category: CategoryCode?, urgency: Urgency?)
    /// `not_file`: 不予立案/不受理; keys `reason`, `note`?.
    case notFile(reason: NotFiledReason, note: String?)
    /// `mark_duplicate`: 重复; key `duplicateOf`.
    case markDuplicate(of: CaseID)
    /// `void`: 作废; key `reason`.
    case void(reason: String)
    /// `dispatch`: 派遣; keys `lead`, `coUnits`.
    case dispatch(lead: UnitID, coUnits: [UnitID])
    /// `sign_for`: 签收.
    case signFor
    /// `return`: 退回; key `reason`.
    case returnToDispatcher(reason: String)
    /// `redispatch`: 改派; keys `lead`, `coUnits`.
    case redispatch(lead: UnitID, coUnits: [UnitID])
    /// `request_extension`: 延期申请; keys `requested`, `reason`.
    case requestExtension(TimeLimitV1, reason: String)
    /// `approve_extension`: 延期批准; key `granted`? (absent: the requested amount).
    case approveExtension(granted: TimeLimitV1?)
    /// `deny_extension`: 延期驳回; key `reason`.
    case denyExtension(reason: String)
    /// `request_park`: 挂账申请; key `reason`.
    case requestPark(reason: String)
    /// `approve_park`: 挂账批准.
    case approvePark
    /// `deny_park`: 挂账驳回; key `reason`.
    case denyPark(reason: String)
    /// `resume`: 解除挂账.
    case resume
    /// `report_disposal`: 处置反馈; keys `note`, `attachments`.
    case reportDisposal(note: String, attachments: [URL])
    /// `assign_check`: 派发核查.
    case assignCheck
    /// `pass_check`: 核查通过; key `note`?.
    case passCheck(note: String?)
    /// `fail_check`: 核查不通过; key `reason`.
    case failCheck(reason: String)
    /// `record_callback`: 回访; keys `satisfaction`, `note`?.
    case recordCallback(satisfaction: Satisfaction, note: String?)
    /// `close`: 结案.
    case close
    /// `self_dispose`: 自行处置; keys `note`, `attachments`.
    case selfDispose(note: String, attachments: [URL])
    /// `escalate`: 上报上级; keys `level`, `reason`.
    case escalate(to: GovernanceLevel, reason: String)
    /// `blow_whistle`: 吹哨; keys `units`, `reason`.
    case blowWhistle(units: [UnitID], reason: String)
    /// `report_arrival`: 报到.
    case reportArrival

    /// The step, as in `CaseAction.Kind` (its raw value is the `step` key).
    public var kind: CaseAction.Kind {
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
