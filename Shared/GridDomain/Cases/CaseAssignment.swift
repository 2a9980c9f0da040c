/// Who a case is dispatched to: one lead unit (主办) and any co-units (协办).
public struct CaseAssignment: Sendable, Hashable, Codable {
    /// The lead unit, responsible for signing for, disposing and reporting back.
    public let lead: UnitID
    /// Co-units that assist; they do not sign for the case themselves in this model.
    public let coUnits: [UnitID]

    /// Creates an assignment.
    public init(lead: UnitID, coUnits: [UnitID] = []) {
        self.lead = lead
        self.coUnits = coUnits
    }
}
