import Foundation
import GridDomain

/// An ``EventFact`` as one row of `event_facts`, in the JSON form given to `jsonb_to_recordset`.
struct EventFactRow: Codable, Hashable {
    var event_id: String
    var case_id: CaseID
    var sequence: Int?
    var type: String
    var kind: String
    var at: Date
    var actor_unit: UnitID?
    var lead_unit: UnitID?
    var stage: CaseStage?
    var due_at: Date?
    var grid: PlaceCode?
    var community: PlaceCode?
    var street: PlaceCode?
    var district: PlaceCode?
    var place_code: String?
    var category: CategoryCode?

    /// Every column written, with its SQL type.
    static let columns: [(name: String, type: String)] = [
        ("event_id", "text"), ("case_id", "uuid"), ("sequence", "integer"), ("type", "text"), ("kind", "text"),
        ("at", "timestamptz"), ("actor_unit", "text"), ("lead_unit", "text"), ("stage", "text"), ("due_at", "timestamptz"),
        ("grid", "text"), ("community", "text"), ("street", "text"), ("district", "text"), ("place_code", "text"),
        ("category", "text"),
    ]

    init(_ fact: EventFact) {
        event_id = fact.eventID
        case_id = fact.caseID
        sequence = fact.sequence
        type = fact.type
        kind = fact.kind.rawValue
        at = fact.at
        actor_unit = fact.actorUnit
        lead_unit = fact.leadUnit
        stage = fact.stage
        due_at = fact.dueAt
        grid = fact.placement.grid
        community = fact.placement.community
        street = fact.placement.street
        district = fact.placement.district
        let place = fact.placement.grid ?? fact.placement.community ?? fact.placement.street ?? fact.placement.district
        place_code = place?.digits
        category = fact.category
    }
}
