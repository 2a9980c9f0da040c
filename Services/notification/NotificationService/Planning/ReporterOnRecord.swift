public import GridDomain

/// How the reporter of a case can be told of its outcome, recorded from the opening event (the later
/// events carry no reporter). Masked values only.
public struct ReporterOnRecord: Sendable, Hashable {
    /// The reporting channel.
    public var channel: CaseChannel
    /// The masked phone (`138****5678`); `nil` when none was given or the reporter is confidential.
    public var maskedPhone: String?
    /// True when the reporter left a phone number (even if confidential).
    public var hasPhone: Bool
    /// The reporter's pseudonymous account id, when known.
    public var accountId: String?
    /// The reporter asked for confidentiality (保密).
    public var confidential: Bool

    /// Creates a record.
    public init(channel: CaseChannel, maskedPhone: String?, hasPhone: Bool, accountId: String?, confidential: Bool) {
        self.channel = channel
        self.maskedPhone = maskedPhone
        self.hasPhone = hasPhone
        self.accountId = accountId
        self.confidential = confidential
    }

    /// The record of an opening event's reporter, or `nil` when there is no one to reach (no phone and
    /// no account: an anonymous report or a sensor).
    public init?(_ opened: CaseReportedV1) {
        let reporter = opened.report.reporter
        guard reporter.hasPhone || reporter.accountId != nil else { return nil }
        self.init(
            channel: opened.report.channel, maskedPhone: reporter.confidential ? nil : reporter.phone.map(Masking.phone),
            hasPhone: reporter.hasPhone, accountId: reporter.accountId, confidential: reporter.confidential)
    }
}
