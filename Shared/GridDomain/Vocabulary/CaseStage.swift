/// A timed step of the case loop. Each stage has its own limit (时限) per category and area class.
public enum CaseStage: String, Sendable, Hashable, Codable, CaseIterable {
    /// 受理: an operator accepts a report or hotline work order.
    case accept
    /// 核实: a supervisor verifies a public or hotline report on site.
    case verify
    /// 立案: the supervision centre files (or declines) the case.
    case file
    /// 派遣: the command centre dispatches the filed case to a disposal unit.
    case dispatch
    /// 签收: the disposal unit signs for the task.
    case signFor = "sign_for"
    /// 处置: the unit disposes of the problem and reports back. The clock starts at dispatch.
    case dispose
    /// 核查: a supervisor checks the disposal on site.
    case check
    /// 结案: the shift lead closes the case.
    case close

    /// The Chinese name used in notices and reports.
    public var chineseName: String {
        switch self {
        case .accept: "受理"
        case .verify: "核实"
        case .file: "立案"
        case .dispatch: "派遣"
        case .signFor: "签收"
        case .dispose: "处置"
        case .check: "核查"
        case .close: "结案"
        }
    }
}
