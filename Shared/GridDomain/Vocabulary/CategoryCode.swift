/// Which part of the catalog a category belongs to.
///
/// GB/T 30428.2 splits city-management problems into 部件 (components: physical facilities such as
/// manhole covers) and 事件 (events: behaviours and states such as exposed rubbish). "全科网格"
/// social-governance work (disputes, safety hazards, rentals…) forms a third branch.
public enum CategoryKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// 部件: a managed physical component; a case may name its 16-digit component id.
    case component = "C"
    /// 事件: an event or condition in public space.
    case event = "E"
    /// 全科网格 social-governance matters.
    case social = "G"

    /// The Chinese name used in catalogs and reports.
    public var chineseName: String {
        switch self {
        case .component: "部件"
        case .event: "事件"
        case .social: "社会治理"
        }
    }
}

/// A code in the category catalog: a 大类 (major class) or one of its 小类 (minor classes).
///
/// Textual form: the kind letter, the 2-digit major class and, for a minor class, the 2-digit minor
/// class: `C0101` (部件 01 公用设施 / 01 上水井盖), `E01` (事件 major class 01), `G0203`.
public struct CategoryCode: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// 部件, 事件 or social governance.
    public let kind: CategoryKind
    /// The 2-digit 大类 code, e.g. `"01"`.
    public let major: String
    /// The 2-digit 小类 code, or `nil` when this code names a whole 大类.
    public let minor: String?

    /// Creates a code after checking that the class numbers are two decimal digits each.
    public init(kind: CategoryKind, major: String, minor: String? = nil) throws(DomainCodeError) {
        guard Self.isTwoDigits(major) else { throw DomainCodeError(kind: .category, value: major, reason: "大类 must be two digits") }
        if let minor, !Self.isTwoDigits(minor) {
            throw DomainCodeError(kind: .category, value: minor, reason: "小类 must be two digits")
        }
        self.kind = kind
        self.major = major
        self.minor = minor
    }

    /// Parses the textual form (`C0101`, `E01`).
    public init(_ text: String) throws(DomainCodeError) {
        let chars = Array(text)
        guard chars.count == 3 || chars.count == 5, let kind = CategoryKind(rawValue: String(chars[0])) else {
            throw DomainCodeError(kind: .category, value: text, reason: "expected a kind letter (C, E or G) and 2 or 4 digits, e.g. C0101")
        }
        let major = String(chars[1..<3])
        let minor = chars.count == 5 ? String(chars[3..<5]) : nil
        try self.init(kind: kind, major: major, minor: minor)
    }

    /// True when this code names a 小类.
    public var isMinorClass: Bool { minor != nil }

    /// The 大类 this code belongs to (itself when it already is one).
    public var majorClass: CategoryCode {
        minor == nil ? self : try! CategoryCode(kind: kind, major: major)  // major was validated in init
    }

    /// The textual form, e.g. `C0101`.
    public var description: String { kind.rawValue + major + (minor ?? "") }

    public static func < (lhs: CategoryCode, rhs: CategoryCode) -> Bool { lhs.description < rhs.description }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private static func isTwoDigits(_ s: String) -> Bool {
        s.utf8.count == 2 && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
