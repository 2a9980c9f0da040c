import Foundation
import GridDomain

/// A lifecycle event intake produced: its CloudEvents id and type, the case, the sequence, the time
/// and the contract data (`CaseReportedV1` or `CaseStepV1`, JSON with `ContractJSON`). It is written
/// to the timeline and the outbox in the transaction that changes the case.
struct ProducedEvent: Sendable, Hashable {
    /// The CloudEvents id (a new UUID).
    let id: UUID
    /// `gridloop.case.reported.v1` or `gridloop.case.<step>.v1`.
    let type: String
    /// The case (the record key and CloudEvents subject).
    let caseID: CaseID
    /// The position in the case's timeline.
    let sequence: Int
    /// When the step happened.
    let occurredAt: Date
    /// The event data.
    let data: Data
    /// The step, `nil` for the opening event.
    let step: CaseAction.Kind?
    /// The role of the actor.
    let actorRole: ActorRole

    /// The event opening `opened` at `placement`.
    init(opening event: CaseEvent, of opened: Case, placement: CasePlacementV1) throws {
        let data = try CaseReportedV1(event: event, case: opened, placement: placement)
        self.init(type: CaseReportedV1.type, event: event, data: try ContractJSON.encode(data))
    }

    /// The event of a step that produced `updated`.
    init(step event: CaseEvent, of updated: Case, placement: CasePlacementV1) throws {
        let data = try CaseStepV1(event: event, case: updated, placement: placement)
        self.init(type: data.type, event: event, data: try ContractJSON.encode(data))
    }

    private init(type: String, event: CaseEvent, data: Data) {
        self.id = UUID()
        self.type = type
        self.caseID = event.caseID
        self.sequence = event.sequence
        self.occurredAt = event.at
        self.data = data
        self.step = event.action?.kind
        self.actorRole = event.actor.role
    }
}
