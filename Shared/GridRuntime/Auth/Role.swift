/// A role carried in a bearer token. The set is open: any string is a role; these are the
/// domain's and the management APIs' roles.
public struct Role: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The role name as it appears in the token's `roles` claim.
    public let rawValue: String
    /// Creates a role from its name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Creates a role from its name.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// Creates a role from a literal.
    public init(stringLiteral value: String) { self.rawValue = value }
    /// The role name.
    public var description: String { rawValue }
    /// Orders by name.
    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rawValue < rhs.rawValue }

    /// 监督员: field supervisor, reports and verifies.
    public static let supervisor: Role = "supervisor"
    /// 网格员: grid worker.
    public static let gridWorker: Role = "grid_worker"
    /// 受理员: intake operator.
    public static let `operator`: Role = "operator"
    /// 值班长: shift lead, approves filing, closing and extensions.
    public static let shiftLead: Role = "shift_lead"
    /// 派遣员: dispatcher.
    public static let dispatcher: Role = "dispatcher"
    /// 处置单位: a disposal unit's staff.
    public static let disposalUnit: Role = "disposal_unit"
    /// 市民: a citizen reporting or tracking cases.
    public static let citizen: Role = "citizen"
    /// 热线坐席: 12345/12319 hotline agent.
    public static let hotlineAgent: Role = "hotline_agent"
    /// Management APIs: administration.
    public static let admin: Role = "admin"
    /// Management APIs: read-only audit.
    public static let auditor: Role = "auditor"
}
