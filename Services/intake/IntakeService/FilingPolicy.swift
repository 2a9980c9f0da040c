import GridDomain

/// What intake does with a report as soon as it has opened the case, by the city's rules: the
/// lifecycle configuration (channels whose reports must be verified on site) and the catalog's
/// verification rule per category (`verify_public_reports`).
///
/// - Reports of the supervision staff (supervisor, grid worker) and referrals are filed at once
///   by `system` when they name a category; a grid worker may instead dispose of the problem on the
///   spot (自行处置, the short path to `closed`).
/// - Reports from the public (citizen app, Open311, hotlines, sensing) are sent to on-site
///   verification (核实) when the lifecycle requires it for the channel or the category's rule asks
///   for it (or the category is unknown); otherwise they are filed at once.
/// - A report that cannot be filed automatically (no category) waits in `reported` for an operator.
struct FilingPolicy: Sendable {
    /// What to do right after opening.
    enum Path: Sendable, Hashable {
        /// File by `system` now.
        case file
        /// Request an on-site verification (by `system`).
        case requestVerification
        /// Leave the case `reported` for an operator (to file with a category, reject or mark duplicate).
        case awaitOperator
    }

    /// The lifecycle (its configuration is the city's).
    let lifecycle: CaseLifecycle
    /// The city's catalog.
    let catalog: CategoryCatalog

    /// The channels whose reporters are the supervision centre's own staff or a higher authority.
    static let staffChannels: Set<CaseChannel> = [.supervisor, .gridWorker, .referral]

    /// The path of a newly opened report.
    func path(for report: CaseReport) -> Path {
        if needsVerification(report) { return .requestVerification }
        return report.category == nil ? .awaitOperator : .file
    }

    /// Whether the report must be verified on site before it can be filed.
    func needsVerification(_ report: CaseReport) -> Bool {
        if lifecycle.configuration.channelsRequiringVerification.contains(report.channel) { return true }
        if Self.staffChannels.contains(report.channel) { return false }
        guard let category = report.category, let definition = catalog.definition(category) else { return true }
        return definition.verifyPublicReports
    }

    /// The filing step for `replica`, or `nil` when it cannot be filed by `system` (no category, or a
    /// verification that found nothing). The urgency is raised to the category's default when that
    /// is higher than the reported one (e.g. a missing manhole cover is urgent).
    func automaticFiling(of replica: Case) -> CaseAction? {
        guard replica.state == .reported, let category = replica.category else { return nil }
        if let verification = replica.verification, !verification.confirmed { return nil }
        if replica.verification == nil, needsVerification(replica.report) { return nil }
        let urgency = catalog.definition(category).flatMap { Urgency(rawValue: $0.defaultUrgency.rawValue) }
        return .file(category: nil, urgency: urgency.flatMap { $0 > replica.urgency ? $0 : nil })
    }
}
