/// The reporter in lifecycle events: never raw personal data.
///
/// Name and phone are masked (`张*`, `138****5678`); for a confidential reporter (保密) they are left
/// out entirely and only `hasPhone` tells that a call-back number exists. The clear values stay in
/// intake's own tables.
public struct MaskedReporterV1: Sendable, Hashable, Codable {
    /// The masked name; absent when not given or confidential.
    public var name: String?
    /// The masked phone number; absent when not given or confidential.
    public var phone: String?
    /// True when the reporter left a phone number (even if confidential): a call-back is possible.
    public var hasPhone: Bool
    /// The reporter's GridLoop or sending-system account id (a pseudonymous id), when known.
    public var accountId: String?
    /// The reporter asked for confidentiality.
    public var confidential: Bool

    /// Creates a masked reporter.
    public init(name: String? = nil, phone: String? = nil, hasPhone: Bool, accountId: String? = nil, confidential: Bool) {
        self.name = name
        self.phone = phone
        self.hasPhone = hasPhone
        self.accountId = accountId
        self.confidential = confidential
    }

    /// The masked form of a domain reporter.
    public init(masking reporter: Reporter) {
        self.init(
            name: reporter.confidential ? nil : reporter.name?.masked,
            phone: reporter.confidential ? nil : reporter.phone?.masked,
            hasPhone: reporter.phone != nil, accountId: reporter.accountID, confidential: reporter.confidential)
    }

    /// A domain reporter for a replica: the personal fields hold the masked values (or `***` when
    /// confidential), so the lifecycle's guards (a phone to call back, the self-disposing grid worker)
    /// see what they need while no clear value exists outside intake.
    public var replicaReporter: Reporter {
        Reporter(
            name: name.map(PersonalData.name),
            phone: hasPhone ? PersonalData.phone(phone ?? Masking.redacted("phone")) : nil,
            accountID: accountId, confidential: confidential)
    }

    private enum CodingKeys: String, CodingKey { case name, phone, hasPhone, accountId, confidential }
}
