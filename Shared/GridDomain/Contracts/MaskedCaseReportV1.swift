import Foundation

/// The report of a case as lifecycle events carry it: everything a replica needs, without raw
/// personal data. The reporter is masked (`MaskedReporterV1`); the description and the address are
/// masked with `Masking.freeText` (phone, landline and ID numbers, e-mail addresses).
public struct MaskedCaseReportV1: Sendable, Hashable, Codable {
    /// How the report arrived.
    public var channel: CaseChannel
    /// Who reported it, masked.
    public var reporter: MaskedReporterV1
    /// When the report was made (the channel's own time).
    public var reportedAt: Date
    /// Where the problem is (address masked).
    public var location: CaseLocationV1
    /// The category as reported, when given.
    public var category: CategoryCode?
    /// The urgency as reported.
    public var urgency: Urgency
    /// The description, masked.
    public var details: String
    /// Photos, videos or recordings (http(s) URLs to the media store).
    public var attachments: [String]
    /// The 16-digit component id, for 部件 cases when known.
    public var componentId: ComponentID?
    /// The sending system's reference (the 12345 work-order number, the sensing alert id…).
    public var externalReference: String?

    /// Creates a masked report from its parts (see `init(masking:)` for the usual way).
    public init(
        channel: CaseChannel, reporter: MaskedReporterV1, reportedAt: Date, location: CaseLocationV1,
        category: CategoryCode?, urgency: Urgency, details: String, attachments: [String], componentId: ComponentID?,
        externalReference: String?
    ) {
        self.channel = channel
        self.reporter = reporter
        self.reportedAt = reportedAt
        self.location = location
        self.category = category
        self.urgency = urgency
        self.details = details
        self.attachments = attachments
        self.componentId = componentId
        self.externalReference = externalReference
    }

    /// The masked form of a domain report.
    public init(masking report: CaseReport) {
        self.init(
            channel: report.channel, reporter: MaskedReporterV1(masking: report.reporter), reportedAt: report.reportedAt,
            location: CaseLocationV1(masking: report.location), category: report.category, urgency: report.urgency,
            details: Masking.freeText(report.details), attachments: report.attachments.map(\.absoluteString),
            componentId: report.componentID, externalReference: report.externalReference)
    }

    /// The report a replica works with: the masked values in the domain type. Throws when the data
    /// break a report's rules (no location, a bad attachment URL, a component id of another category).
    public func replicaReport() throws(ContractValidationError) -> CaseReport {
        do throws(CaseDataError) {
            var urls: [URL] = []
            for text in attachments {
                guard let url = URL(string: text) else {
                    throw CaseDataError(field: "attachment", value: text, reason: "not a URL")
                }
                urls.append(url)
            }
            return try CaseReport(
                channel: channel, reporter: reporter.replicaReporter, reportedAt: reportedAt, location: location.caseLocation(),
                category: category, urgency: urgency, details: details, attachments: urls, componentID: componentId,
                externalReference: externalReference)
        } catch {
            throw ContractValidationError(subject: "MaskedCaseReportV1", field: "report.\(error.field)", code: .inconsistent, message: error.description)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case channel, reporter, reportedAt, location, category, urgency, details, attachments, componentId
        case externalReference
    }
}
