/// Why a report did not become a case.
public enum NotFiledReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// 不受理: outside the platform's remit (e.g. a private dispute for the courts).
    case notAccepted = "not_accepted"
    /// 不符合立案标准: below the category's filing standard.
    case belowFilingStandard = "below_filing_standard"
    /// 核实不属实: the verifier found no such problem.
    case notFoundOnSite = "not_found_on_site"
    /// 信息不全: the report cannot be located or understood, and the reporter cannot be reached.
    case insufficientInformation = "insufficient_information"

    /// The Chinese name.
    public var chineseName: String {
        switch self {
        case .notAccepted: "不受理"
        case .belowFilingStandard: "不符合立案标准"
        case .notFoundOnSite: "核实不属实"
        case .insufficientInformation: "信息不全"
        }
    }
}
