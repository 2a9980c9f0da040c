/// Who reported a problem. Every personal field is `PersonalData`, so printing or logging a reporter
/// shows only masked values.
public struct Reporter: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The reporter's name, when given.
    public var name: PersonalData?
    /// A phone number to call back, when given.
    public var phone: PersonalData?
    /// The reporter's account in GridLoop or in the sending system (a supervisor's or grid worker's
    /// user id, a citizen-app account, an Open311 client's user), when known. Used to recognise the
    /// reporter later (self-disposal, points accounts, call-backs).
    public var accountID: String?
    /// The reporter asked for confidentiality (保密): disposal units and public views must not see
    /// the name or phone number at all, not even masked.
    public var confidential: Bool

    /// Creates a reporter; every field is optional (anonymous reports are allowed).
    public init(name: PersonalData? = nil, phone: PersonalData? = nil, accountID: String? = nil, confidential: Bool = false) {
        self.name = name
        self.phone = phone
        self.accountID = accountID
        self.confidential = confidential
    }

    /// An anonymous reporter.
    public static let anonymous = Reporter()

    /// True when nothing identifies the reporter.
    public var isAnonymous: Bool { name == nil && phone == nil && accountID == nil }

    /// `Reporter(name: 张*, phone: 138****5678, account: u-42)`, with masked personal data.
    public var description: String {
        var parts: [String] = []
        if let name { parts.append("name: \(name.masked)") }
        if let phone { parts.append("phone: \(phone.masked)") }
        if let accountID { parts.append("account: \(accountID)") }
        if confidential { parts.append("confidential") }
        return "Reporter(\(parts.isEmpty ? "anonymous" : parts.joined(separator: ", ")))"
    }
}
