import Foundation
import GridDomain

/// A ``CaseFact`` as one row of `case_facts`, in the JSON form the store exchanges with PostgreSQL
/// (`jsonb_to_recordset` to write, `to_jsonb` to read). Keys are the column names.
struct CaseFactRow: Codable, Hashable {
    var case_id: CaseID
    var case_number: String
    var grid: PlaceCode?
    var community: PlaceCode?
    var street: PlaceCode?
    var district: PlaceCode?
    var area_class: AreaClass?
    var place_code: String?
    var category: CategoryCode?
    var channel: CaseChannel
    var lead_unit: UnitID?
    var disposing_unit: UnitID?
    var department: UnitID?
    var state: CaseState
    var reported_at: Date
    var opened_at: Date
    var filed_at: Date?
    var first_dispatched_at: Date?
    var dispatched_at: Date?
    var first_disposed_at: Date?
    var disposed_at: Date?
    var first_rework_at: Date?
    var closed_at: Date?
    var voided_at: Date?
    var duplicate_at: Date?
    var not_filed_at: Date?
    var rework_count: Int
    var return_count: Int
    var redispatch_count: Int
    var extension_request_count: Int
    var extensions_granted: Int
    var park_count: Int
    var escalation_count: Int
    var self_disposed: Bool
    var run_start_sequence: Int?
    var run_started_at: Date?
    var run_due_at: Date?
    var run_red_card_at: Date?
    var run_adjusted_sequence: Int?
    var run_adjusted_at: Date?
    var run_stop_sequence: Int?
    var run_stopped_at: Date?
    var run_ended_by_disposal: Bool
    var earlier_breached_runs: Int
    var earlier_late_disposals: Int
    var earlier_first_breach_at: Date?
    var breached_runs: Int
    var late_disposals: Int
    var first_breach_at: Date?
    var due_for_closing_at: Date?
    var last_sequence: Int
    var updated_at: Date

    /// Every column written, with its SQL type (for `jsonb_to_recordset`).
    static let columns: [(name: String, type: String)] = [
        ("case_id", "uuid"), ("case_number", "text"), ("grid", "text"), ("community", "text"), ("street", "text"),
        ("district", "text"), ("area_class", "text"), ("place_code", "text"), ("category", "text"), ("channel", "text"),
        ("lead_unit", "text"), ("disposing_unit", "text"), ("department", "text"), ("state", "text"),
        ("reported_at", "timestamptz"), ("opened_at", "timestamptz"), ("filed_at", "timestamptz"),
        ("first_dispatched_at", "timestamptz"), ("dispatched_at", "timestamptz"), ("first_disposed_at", "timestamptz"),
        ("disposed_at", "timestamptz"), ("first_rework_at", "timestamptz"), ("closed_at", "timestamptz"),
        ("voided_at", "timestamptz"), ("duplicate_at", "timestamptz"), ("not_filed_at", "timestamptz"),
        ("rework_count", "integer"), ("return_count", "integer"), ("redispatch_count", "integer"),
        ("extension_request_count", "integer"), ("extensions_granted", "integer"), ("park_count", "integer"),
        ("escalation_count", "integer"), ("self_disposed", "boolean"), ("run_start_sequence", "integer"),
        ("run_started_at", "timestamptz"), ("run_due_at", "timestamptz"), ("run_red_card_at", "timestamptz"),
        ("run_adjusted_sequence", "integer"), ("run_adjusted_at", "timestamptz"), ("run_stop_sequence", "integer"),
        ("run_stopped_at", "timestamptz"), ("run_ended_by_disposal", "boolean"), ("earlier_breached_runs", "integer"),
        ("earlier_late_disposals", "integer"), ("earlier_first_breach_at", "timestamptz"), ("breached_runs", "integer"),
        ("late_disposals", "integer"), ("first_breach_at", "timestamptz"), ("due_for_closing_at", "timestamptz"),
        ("last_sequence", "integer"), ("updated_at", "timestamptz"),
    ]

    init(_ fact: CaseFact) {
        case_id = fact.caseID
        case_number = fact.caseNumber
        grid = fact.placement.grid
        community = fact.placement.community
        street = fact.placement.street
        district = fact.placement.district
        area_class = fact.placement.areaClass
        place_code = fact.placeCode?.digits
        category = fact.category
        channel = fact.channel
        lead_unit = fact.leadUnit
        disposing_unit = fact.disposingUnit
        department = fact.department
        state = fact.state
        reported_at = fact.reportedAt
        opened_at = fact.openedAt
        filed_at = fact.filedAt
        first_dispatched_at = fact.firstDispatchedAt
        dispatched_at = fact.dispatchedAt
        first_disposed_at = fact.firstDisposedAt
        disposed_at = fact.disposedAt
        first_rework_at = fact.firstReworkAt
        closed_at = fact.closedAt
        voided_at = fact.voidedAt
        duplicate_at = fact.duplicateAt
        not_filed_at = fact.notFiledAt
        rework_count = fact.counters.reworkCount
        return_count = fact.counters.returnCount
        redispatch_count = fact.counters.redispatchCount
        extension_request_count = fact.counters.extensionRequestCount
        extensions_granted = fact.counters.extensionsGranted
        park_count = fact.counters.parkCount
        escalation_count = fact.counters.escalationCount
        self_disposed = fact.counters.selfDisposed
        let run = fact.disposalRun
        run_start_sequence = run?.startSequence
        run_started_at = run?.startedAt
        run_due_at = run?.dueAt
        run_red_card_at = run?.redCardAt
        run_adjusted_sequence = run?.adjustedSequence
        run_adjusted_at = run?.adjustedAt
        run_stop_sequence = run?.stopSequence
        run_stopped_at = run?.stoppedAt
        run_ended_by_disposal = run?.endedByDisposal ?? false
        earlier_breached_runs = fact.earlierBreachedRuns
        earlier_late_disposals = fact.earlierLateDisposals
        earlier_first_breach_at = fact.earlierFirstBreachAt
        breached_runs = fact.breachedRuns
        late_disposals = fact.lateDisposals
        first_breach_at = fact.firstBreachAt
        due_for_closing_at = fact.dueForClosingAt
        last_sequence = fact.lastSequence
        updated_at = fact.updatedAt
    }

    /// The fact this row stores (derived columns are recomputed by `CaseFact`).
    var fact: CaseFact {
        var counters = CaseFact.Counters()
        counters.reworkCount = rework_count
        counters.returnCount = return_count
        counters.redispatchCount = redispatch_count
        counters.extensionRequestCount = extension_request_count
        counters.extensionsGranted = extensions_granted
        counters.parkCount = park_count
        counters.escalationCount = escalation_count
        counters.selfDisposed = self_disposed
        var run: DisposalRun?
        if let run_start_sequence, let run_started_at {
            var stored = DisposalRun(startSequence: run_start_sequence, startedAt: run_started_at)
            stored.dueAt = run_due_at
            stored.redCardAt = run_red_card_at
            stored.adjustedSequence = run_adjusted_sequence
            stored.adjustedAt = run_adjusted_at
            stored.stopSequence = run_stop_sequence
            stored.stoppedAt = run_stopped_at
            stored.endedByDisposal = run_ended_by_disposal
            run = stored
        }
        var fact = CaseFact(
            caseID: case_id, caseNumber: case_number, channel: channel, state: state, reportedAt: reported_at,
            openedAt: opened_at,
            placement: CasePlacementV1(grid: grid, community: community, street: street, district: district, areaClass: area_class))
        fact.category = category
        fact.leadUnit = lead_unit
        fact.disposingUnit = disposing_unit
        fact.filedAt = filed_at
        fact.firstDispatchedAt = first_dispatched_at
        fact.dispatchedAt = dispatched_at
        fact.firstDisposedAt = first_disposed_at
        fact.disposedAt = disposed_at
        fact.firstReworkAt = first_rework_at
        fact.closedAt = closed_at
        fact.voidedAt = voided_at
        fact.duplicateAt = duplicate_at
        fact.notFiledAt = not_filed_at
        fact.counters = counters
        fact.disposalRun = run
        fact.earlierBreachedRuns = earlier_breached_runs
        fact.earlierLateDisposals = earlier_late_disposals
        fact.earlierFirstBreachAt = earlier_first_breach_at
        fact.lastSequence = last_sequence
        fact.updatedAt = updated_at
        return fact
    }
}
