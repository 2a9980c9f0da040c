import Foundation

/// The data of `gridloop.dispatch.manual-required.v1`: routing could not dispatch a filed (or
/// escalated, or returned) case automatically by the 权责清单, so it waits in the command centre's queue
/// for a dispatcher. Produced by routing on the lifecycle topic (key: the case id).
///
/// Not a lifecycle step: the case stays in its state and nothing is added to its timeline.
public struct ManualDispatchRequiredV1: Sendable, Hashable, Codable {
    /// Why automatic dispatch did not happen.
    public enum Reason: String, Sendable, Hashable, Codable, CaseIterable {
        /// The case could not be placed in a grid (a point outside every grid, no place code).
        case locationUnresolved = "location_unresolved"
        /// No rule of the 权责清单 names a unit for the category at this place and time.
        case noResponsibleUnit = "no_responsible_unit"
        /// Several rules of equal precedence name different lead units.
        case ambiguousResponsibility = "ambiguous_responsibility"
        /// The case was returned (退回) and must be re-dispatched by a person.
        case returnedByUnit = "returned_by_unit"
        /// The case was escalated to a level whose command centre dispatches by hand.
        case escalated
    }

    /// The case.
    public var caseId: CaseID
    /// Why.
    public var reason: Reason
    /// The resolver's explanation in words, for the dispatcher (no personal data).
    public var explanation: String
    /// Units the resolver considered (e.g. the conflicting lead units); may be empty.
    public var candidates: [UnitID]
    /// When routing gave up on automatic dispatch.
    public var detectedAt: Date
    /// The sequence of the last lifecycle event routing had applied.
    public var asOfSequence: Int
    /// The case as of `asOfSequence`.
    public var snapshot: CaseSnapshotV1

    /// Creates the data.
    public init(
        caseId: CaseID, reason: Reason, explanation: String, candidates: [UnitID], detectedAt: Date, asOfSequence: Int,
        snapshot: CaseSnapshotV1
    ) {
        self.caseId = caseId
        self.reason = reason
        self.explanation = explanation
        self.candidates = candidates
        self.detectedAt = detectedAt
        self.asOfSequence = asOfSequence
        self.snapshot = snapshot
    }

    /// The event type, `gridloop.dispatch.manual-required.v1`.
    public static let type = ContractEventType.manualDispatchRequired

    private enum CodingKeys: String, CodingKey {
        case caseId, reason, explanation, candidates, detectedAt, asOfSequence, snapshot
    }
}
