import Foundation
public import GridDomain

/// A lead unit's extension (延期) or parking (挂账) request waiting for a shift lead (`GET /v1/requests`).
public struct PendingRequestView: Sendable, Hashable, Codable {
    /// The case.
    public var caseId: CaseID
    /// The human case number.
    public var caseNumber: CaseNumber
    /// The category.
    public var category: CategoryCode?
    /// The urgency.
    public var urgency: Urgency
    /// Where the case is.
    public var placement: CasePlacementV1
    /// The lead unit asking.
    public var leadUnit: UnitID?
    /// `extension` or `park`.
    public var kind: CaseSnapshotV1.PendingRequestV1.Kind
    /// The amount asked for (extensions).
    public var requested: TimeLimitV1?
    /// Why.
    public var reason: String
    /// When it was asked.
    public var requestedAt: Date
    /// Extensions granted before.
    public var extensionsGranted: [TimeLimitV1]

    private enum CodingKeys: String, CodingKey {
        case caseId, caseNumber, category, urgency, placement, leadUnit, kind, requested, reason, requestedAt, extensionsGranted
    }
}

extension PendingRequestView {
    /// The view of a replica's pending request; `nil` when none is pending.
    init?(_ replica: CaseReplica) {
        let current = replica.current
        guard let pending = current.pendingRequest else { return nil }
        caseId = current.id
        caseNumber = current.number
        category = current.category
        urgency = current.urgency
        placement = replica.placement
        leadUnit = current.assignment?.lead
        let contract = CaseSnapshotV1.PendingRequestV1(pending)
        kind = contract.kind
        requested = contract.requested
        requestedAt = contract.requestedAt
        switch pending {
        case .extensionRequest(_, let reason, _), .parkRequest(let reason, _): self.reason = reason
        }
        extensionsGranted = current.counters.extensionsGranted.map(TimeLimitV1.init)
    }
}

/// `GET /v1/requests`: a page of pending requests.
public struct PendingRequestListView: Sendable, Hashable, Codable {
    /// The requests, oldest first.
    public var requests: [PendingRequestView]
    /// The page size asked for.
    public var limit: Int
    /// The offset asked for.
    public var offset: Int

    private enum CodingKeys: String, CodingKey { case requests, limit, offset }
}
