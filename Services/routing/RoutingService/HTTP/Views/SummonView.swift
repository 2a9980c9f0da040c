import Foundation
public import GridDomain

/// A joint response (吹哨报到) a department was summoned to (`GET /v1/summons`).
public struct SummonView: Sendable, Hashable, Codable {
    /// The case.
    public var caseId: CaseID
    /// The human case number.
    public var caseNumber: CaseNumber
    /// The category.
    public var category: CategoryCode?
    /// The urgency.
    public var urgency: Urgency
    /// Where.
    public var placement: CasePlacementV1
    /// The (masked) description.
    public var description: String
    /// The (masked) address, when given.
    public var address: String?
    /// The lead unit, when the case had been dispatched.
    public var leadUnit: UnitID?
    /// Every department summoned, in the order named.
    public var summoned: [UnitID]
    /// Those that have reported at the scene.
    public var arrived: [UnitID]
    /// When the whistle was blown.
    public var blownAt: Date

    private enum CodingKeys: String, CodingKey {
        case caseId, caseNumber, category, urgency, placement, description, address, leadUnit, summoned, arrived, blownAt
    }
}

extension SummonView {
    /// The view of a replica in a joint response; `nil` when none is under way.
    init?(_ replica: CaseReplica) {
        let current = replica.current
        guard current.state == .jointResponse, let response = current.jointResponse else { return nil }
        let contract = CaseSnapshotV1.JointResponseV1(response)
        caseId = current.id
        caseNumber = current.number
        category = current.category
        urgency = current.urgency
        placement = replica.placement
        description = current.report.details
        address = current.report.location.address
        leadUnit = current.assignment?.lead
        summoned = contract.summoned
        arrived = contract.arrived
        blownAt = contract.blownAt
    }
}

/// `GET /v1/summons`: a page of joint responses.
public struct SummonListView: Sendable, Hashable, Codable {
    /// The joint responses, oldest whistle first.
    public var summons: [SummonView]
    /// The page size asked for.
    public var limit: Int
    /// The offset asked for.
    public var offset: Int

    private enum CodingKeys: String, CodingKey { case summons, limit, offset }
}
