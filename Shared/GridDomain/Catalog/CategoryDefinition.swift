/// One entry of the category catalog: a 大类 (major class) or a 小类 (minor class) of 部件, 事件 or
/// social-governance matters, with the standards the supervision centre files and closes by.
public struct CategoryDefinition: Sendable, Hashable {
    /// How urgent a new case of this category is by default (紧急程度). The raw values match the case
    /// model's urgency (`normal`, `urgent`, `emergency`).
    public enum Urgency: String, Sendable, Hashable, CaseIterable {
        /// 一般.
        case normal
        /// 紧急.
        case urgent
        /// 特急: danger to people or property.
        case emergency

        /// Parses the raw value or the Chinese name (一般, 紧急, 特急).
        public init?(parsing text: String) {
            switch text.lowercased() {
            case "normal", "一般": self = .normal
            case "urgent", "紧急": self = .urgent
            case "emergency", "特急": self = .emergency
            default: return nil
            }
        }

        /// The Chinese name.
        public var chineseName: String {
            switch self {
            case .normal: "一般"
            case .urgent: "紧急"
            case .emergency: "特急"
            }
        }
    }

    /// The code, e.g. `C01` or `C0101`.
    public let code: CategoryCode
    /// The Chinese name, e.g. `上水井盖`.
    public let name: String
    /// 立案标准: when a report of this category is filed as a case. Empty for a 大类.
    public let filingStandard: String
    /// 结案标准: what the check (核查) must find before the case is closed. Empty for a 大类.
    public let closingStandard: String
    /// The default urgency of a new case.
    public let defaultUrgency: Urgency
    /// Whether reports from the public or the hotlines must be verified on site (核实) before filing;
    /// a supervisor's own report can always be filed directly.
    public let verifyPublicReports: Bool

    /// Creates a definition.
    public init(
        code: CategoryCode, name: String, filingStandard: String = "", closingStandard: String = "",
        defaultUrgency: Urgency = .normal, verifyPublicReports: Bool = true
    ) {
        self.code = code
        self.name = name
        self.filingStandard = filingStandard
        self.closingStandard = closingStandard
        self.defaultUrgency = defaultUrgency
        self.verifyPublicReports = verifyPublicReports
    }
}
