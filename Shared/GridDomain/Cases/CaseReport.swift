import Foundation

/// What was reported: the problem as it reached the platform, before any handling.
///
/// A report is checked when created: a location is required (see `CaseLocation`); attachments must be
/// http(s) URLs; a component id requires a 部件 category and must name the same 小类 (or a 小类 of the
/// same 大类 when only the 大类 is known).
public struct CaseReport: Sendable, Hashable, Codable {
    /// How the report arrived.
    public let channel: CaseChannel
    /// Who reported it.
    public let reporter: Reporter
    /// When the report was made (the channel's own time, e.g. the hotline call's time).
    public let reportedAt: Date
    /// Where the problem is.
    public let location: CaseLocation
    /// The category as reported, when the reporter chose one; operators may set or correct it at filing.
    public let category: CategoryCode?
    /// How urgent the reporter or the sending system rated it.
    public let urgency: Urgency
    /// The reporter's description of the problem (问题描述).
    public let details: String
    /// Photos, videos or recordings, as http(s) URLs to the media store.
    public let attachments: [URL]
    /// The 16-digit id of the component concerned, for 部件 cases when known.
    public let componentID: ComponentID?
    /// The sending system's own reference (e.g. the 12345 work-order number or the Open311
    /// `service_request_id`), used to sync status back.
    public let externalReference: String?

    /// The longest accepted description, in characters (Open311 allows 4000).
    public static let maximumDetailsLength = 4000

    /// Creates and checks a report.
    public init(
        channel: CaseChannel,
        reporter: Reporter,
        reportedAt: Date,
        location: CaseLocation,
        category: CategoryCode? = nil,
        urgency: Urgency = .normal,
        details: String,
        attachments: [URL] = [],
        componentID: ComponentID? = nil,
        externalReference: String? = nil
    ) throws(CaseDataError) {
        guard details.count <= Self.maximumDetailsLength else {
            throw CaseDataError(
                field: "details", value: String(details.prefix(20)) + "…",
                reason: "longer than \(Self.maximumDetailsLength) characters")
        }
        for url in attachments {
            guard let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http", url.host != nil else {
                throw CaseDataError(field: "attachment", value: url.absoluteString, reason: "must be an http(s) URL")
            }
        }
        if let componentID {
            try Self.check(componentID, against: category)
        }
        self.channel = channel
        self.reporter = reporter
        self.reportedAt = reportedAt
        self.location = location
        self.category = category
        self.urgency = urgency
        self.details = details
        self.attachments = attachments
        self.componentID = componentID
        self.externalReference = externalReference
    }

    /// Checks that a component id fits a category: the category must be a 部件 class, and the
    /// component's 小类 must equal it (or lie in it, when the category is a 大类).
    public static func check(_ componentID: ComponentID, against category: CategoryCode?) throws(CaseDataError) {
        guard let category else { return }
        let componentCategory = componentID.category
        guard category.kind == .component else {
            throw CaseDataError(
                field: "component id", value: componentID.digits,
                reason: "a component id only fits a 部件 category, not \(category)")
        }
        let matches = category.isMinorClass ? componentCategory == category : componentCategory.majorClass == category
        guard matches else {
            throw CaseDataError(
                field: "component id", value: componentID.digits,
                reason: "the component is of class \(componentCategory), which is not \(category)")
        }
    }

    private enum CodingKeys: String, CodingKey {
        case channel, reporter, reportedAt, location, category, urgency, details, attachments, componentID
        case externalReference
    }

    /// Decodes and re-checks a report.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            channel: c.decode(CaseChannel.self, forKey: .channel),
            reporter: c.decode(Reporter.self, forKey: .reporter),
            reportedAt: c.decode(Date.self, forKey: .reportedAt),
            location: c.decode(CaseLocation.self, forKey: .location),
            category: c.decodeIfPresent(CategoryCode.self, forKey: .category),
            urgency: c.decodeIfPresent(Urgency.self, forKey: .urgency) ?? .normal,
            details: c.decode(String.self, forKey: .details),
            attachments: c.decodeIfPresent([URL].self, forKey: .attachments) ?? [],
            componentID: c.decodeIfPresent(ComponentID.self, forKey: .componentID),
            externalReference: c.decodeIfPresent(String.self, forKey: .externalReference))
    }
}
