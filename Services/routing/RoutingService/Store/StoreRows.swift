import Foundation
import GridDomain

/// A `cases` row as JSON for `json_to_recordset`.
struct CaseRow: Encodable {
    let caseID: CaseID
    let caseNumber: CaseNumber
    let state: CaseState
    let lastSequence: Int
    let category: CategoryCode?
    let urgency: Urgency
    let channel: CaseChannel
    let grid: PlaceCode?
    let community: PlaceCode?
    let street: PlaceCode?
    let district: PlaceCode?
    let areaClass: AreaClass?
    let place: PlaceCode?
    let leadUnit: UnitID?
    let coUnits: [UnitID]
    let assignmentRound: Int
    let taskStatus: TaskStatus?
    let queued: Bool
    let pendingRequest: String?
    let returnedBy: [UnitID]
    let summonedUnits: [UnitID]
    let reportedAt: Date
    let openedAt: Date
    let updatedAt: Date
    let replica: Case

    init(_ replica: CaseReplica) {
        let current = replica.current
        caseID = current.id
        caseNumber = current.number
        state = current.state
        lastSequence = current.lastSequence
        category = current.category
        urgency = current.urgency
        channel = current.report.channel
        grid = replica.placement.grid
        community = replica.placement.community
        street = replica.placement.street
        district = replica.placement.district
        areaClass = replica.placement.areaClass
        place = replica.place
        leadUnit = current.assignment?.lead
        coUnits = current.assignment?.coUnits ?? []
        assignmentRound = replica.assignmentRound
        taskStatus = replica.taskStatus
        queued = replica.queued
        pendingRequest = current.pendingRequest.map { CaseSnapshotV1.PendingRequestV1($0).kind.rawValue }
        returnedBy = replica.returnedBy
        summonedUnits = current.state == .jointResponse ? current.jointResponse?.summoned ?? [] : []
        reportedAt = current.report.reportedAt
        openedAt = current.openedAt
        updatedAt = current.updatedAt
        self.replica = current
    }

    enum CodingKeys: String, CodingKey {
        case caseID = "case_id", caseNumber = "case_number", state, lastSequence = "last_sequence", category, urgency, channel
        case grid, community, street, district, areaClass = "area_class", place, leadUnit = "lead_unit", coUnits = "co_units"
        case assignmentRound = "assignment_round", taskStatus = "task_status", queued, pendingRequest = "pending_request"
        case returnedBy = "returned_by", summonedUnits = "summoned_units"
        case reportedAt = "reported_at", openedAt = "opened_at", updatedAt = "updated_at", replica
    }
}

/// An `assignments` row as JSON.
struct AssignmentRow: Encodable {
    let record: AssignmentRecord

    init(_ record: AssignmentRecord) { self.record = record }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(record.caseID, forKey: .caseID)
        try c.encode(record.round, forKey: .round)
        try c.encode(record.dispatchSequence, forKey: .dispatchSequence)
        try c.encode(record.lead, forKey: .leadUnit)
        try c.encode(record.coUnits, forKey: .coUnits)
        try c.encode(record.dispatchedBy, forKey: .dispatchedBy)
        try c.encode(record.dispatchedAt, forKey: .dispatchedAt)
        try c.encodeIfPresent(record.ruleID, forKey: .ruleID)
        try c.encodeIfPresent(record.listVersion, forKey: .listVersion)
        try c.encodeIfPresent(record.tier, forKey: .tier)
        try c.encode(record.escalation, forKey: .escalation)
        try c.encodeIfPresent(record.explanation, forKey: .explanation)
        try c.encode(record.status, forKey: .status)
        try c.encode(record.clockStartedAt, forKey: .clockStartedAt)
        try c.encodeIfPresent(record.signedAt, forKey: .signedAt)
        try c.encodeIfPresent(record.disposedAt, forKey: .disposedAt)
        try c.encodeIfPresent(record.returnedAt, forKey: .returnedAt)
        try c.encodeIfPresent(record.returnReason, forKey: .returnReason)
    }

    enum Keys: String, CodingKey {
        case caseID = "case_id", round, dispatchSequence = "dispatch_sequence", leadUnit = "lead_unit", coUnits = "co_units"
        case dispatchedBy = "dispatched_by", dispatchedAt = "dispatched_at", ruleID = "rule_id", listVersion = "list_version"
        case tier, escalation, explanation, status, clockStartedAt = "clock_started_at", signedAt = "signed_at"
        case disposedAt = "disposed_at", returnedAt = "returned_at", returnReason = "return_reason"
    }
}

/// An assignment change as JSON (absent fields stay as stored).
struct AssignmentChangeRow: Encodable {
    let change: AssignmentChange

    init(_ change: AssignmentChange) { self.change = change }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(change.caseID, forKey: .caseID)
        try c.encode(change.round, forKey: .round)
        try c.encodeIfPresent(change.status, forKey: .status)
        try c.encodeIfPresent(change.clockStartedAt, forKey: .clockStartedAt)
        try c.encodeIfPresent(change.signedAt, forKey: .signedAt)
        try c.encodeIfPresent(change.disposedAt, forKey: .disposedAt)
        try c.encodeIfPresent(change.returnedAt, forKey: .returnedAt)
        try c.encodeIfPresent(change.returnReason, forKey: .returnReason)
    }

    enum Keys: String, CodingKey {
        case caseID = "case_id", round, status, clockStartedAt = "clock_started_at", signedAt = "signed_at"
        case disposedAt = "disposed_at", returnedAt = "returned_at", returnReason = "return_reason"
    }
}

/// A queue settlement as JSON.
struct QueueResolutionRow: Encodable {
    let caseID: CaseID
    let at: Date
    let by: String
    let step: CaseAction.Kind

    init(_ resolution: QueueResolution) {
        caseID = resolution.caseID
        at = resolution.at
        by = resolution.by
        step = resolution.step
    }

    enum CodingKeys: String, CodingKey { case caseID = "case_id", at, by, step }
}

/// A `dispatch_queue` row as JSON.
struct QueueEntryRow: Encodable {
    let entry: QueueEntry
    let settled: QueueResolution?

    init(_ entry: QueueEntry, settled: QueueResolution?) {
        self.entry = entry
        self.settled = settled
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(entry.caseID, forKey: .caseID)
        try c.encode(entry.asOfSequence, forKey: .asOfSequence)
        try c.encode(entry.reason, forKey: .reason)
        try c.encode(entry.explanation, forKey: .explanation)
        try c.encodeIfPresent(entry.resolver, forKey: .resolver)
        try c.encode(entry.candidates, forKey: .candidates)
        try c.encode(entry.since, forKey: .since)
        try c.encodeIfPresent(settled?.at, forKey: .resolvedAt)
        try c.encodeIfPresent(settled?.by, forKey: .resolvedBy)
        try c.encodeIfPresent(settled?.step, forKey: .resolvedStep)
    }

    enum Keys: String, CodingKey {
        case caseID = "case_id", asOfSequence = "as_of_sequence", reason, explanation, resolver, candidates, since
        case resolvedAt = "resolved_at", resolvedBy = "resolved_by", resolvedStep = "resolved_step"
    }
}

/// A `supervision_cards` row as JSON.
struct RedCardRow: Encodable {
    let caseID: CaseID
    let stage: CaseStage
    let stageStartedAt: Date
    let dueAt: Date
    let issuedAt: Date
    let asOfSequence: Int
    let escalation: EscalationTargetV1

    init(_ card: DeadlineCardV1) {
        caseID = card.caseId
        stage = card.stage
        stageStartedAt = card.stageStartedAt
        dueAt = card.dueAt
        issuedAt = card.issuedAt
        asOfSequence = card.asOfSequence
        escalation = card.escalation
    }

    enum CodingKeys: String, CodingKey {
        case caseID = "case_id", stage, stageStartedAt = "stage_started_at", dueAt = "due_at", issuedAt = "issued_at"
        case asOfSequence = "as_of_sequence", escalation
    }
}
