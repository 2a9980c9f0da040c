import Foundation
import GridDomain
import GridRuntime

/// The answer of `GET /v1/cases/{id}` (and of the step endpoints): the case as the contracts'
/// snapshot, the report (masked unless the caller may see personal data), the verification and
/// call-back, and the full timeline.
struct CaseView: Encodable, Sendable {
    /// The report as shown to the caller.
    struct ReportView: Encodable, Sendable {
        /// The channel.
        var channel: CaseChannel
        /// When reported.
        var reportedAt: Date
        /// The reporter (masked, or clear for entitled roles; name and phone absent when confidential and masked).
        var reporter: MaskedReporterV1
        /// Whether `reporter` and `description`/`location.address` are shown unmasked.
        var personalDataShown: Bool
        /// The location.
        var location: CaseLocationV1
        /// The reported category.
        var category: CategoryCode?
        /// The reported urgency.
        var urgency: Urgency
        /// The description.
        var description: String
        /// The attachments.
        var attachments: [String]
        /// The component id.
        var componentId: ComponentID?
        /// The sending system's reference (work-order number, alert id).
        var externalReference: String?
    }

    /// One timeline entry.
    struct TimelineItem: Encodable, Sendable {
        /// The CloudEvents type (`gridloop.case.filed.v1`, `gridloop.deadline.red-card.v1`…).
        var type: String
        /// The producer (`/gridloop/routing`).
        var source: String
        /// The event id.
        var eventId: String
        /// The step's sequence; absent for cards and notices.
        var sequence: Int?
        /// For cards and notices: the step they were issued after.
        var asOfSequence: Int?
        /// When.
        var occurredAt: Date
        /// The event data as published (reporter data in it is always masked).
        var data: JSONFragment
    }

    /// The on-site verification, when made.
    struct VerificationView: Encodable, Sendable {
        /// Whether the problem was found real.
        var confirmed: Bool
        /// The verifier's note.
        var note: String?
        /// Who verified.
        var verifiedBy: CaseActorV1
        /// When.
        var verifiedAt: Date
    }

    /// The case after its last step.
    var snapshot: CaseSnapshotV1
    /// The report.
    var report: ReportView
    /// The verification.
    var verification: VerificationView?
    /// Who may act next: `intake` or `routing`; absent once the case is finished.
    var phaseOwner: String?
    /// The timeline.
    var timeline: [TimelineItem]

    init(stored: StoredCase, reporter: ReporterRecord?, timeline: [TimelineEntry], showPersonalData: Bool) {
        let replica = stored.replica
        snapshot = CaseSnapshotV1(case: replica, placement: stored.placement)
        let masked = MaskedCaseReportV1(masking: replica.report)
        var reporterView = masked.reporter
        var location = masked.location
        var description = masked.details
        let clear = showPersonalData ? reporter : nil
        if let clear {
            reporterView = MaskedReporterV1(
                name: clear.name, phone: clear.phone, hasPhone: clear.phone != nil, accountId: clear.accountID,
                confidential: clear.confidential)
            location.address = clear.address
            description = clear.details
        }
        report = ReportView(
            channel: replica.report.channel, reportedAt: replica.report.reportedAt, reporter: reporterView,
            personalDataShown: clear != nil, location: location, category: replica.report.category, urgency: replica.report.urgency,
            description: description, attachments: masked.attachments, componentId: masked.componentId,
            externalReference: masked.externalReference)
        verification = replica.verification.map {
            VerificationView(confirmed: $0.confirmed, note: $0.note, verifiedBy: CaseActorV1($0.verifiedBy), verifiedAt: $0.verifiedAt)
        }
        phaseOwner = ContractPhaseOwner.owner(of: replica.state)?.rawValue
        self.timeline = timeline.map {
            TimelineItem(
                type: $0.type, source: $0.source, eventId: $0.eventID, sequence: $0.sequence, asOfSequence: $0.asOfSequence,
                occurredAt: $0.occurredAt, data: JSONFragment(json: $0.data))
        }
    }

    private enum CodingKeys: String, CodingKey { case snapshot, report, verification, phaseOwner, timeline }
}
