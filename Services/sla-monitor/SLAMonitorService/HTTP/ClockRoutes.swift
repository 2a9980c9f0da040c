import Foundation
import GridDomain
import GridRuntime
import Hummingbird
import Logging
import PostgresNIO

/// The monitor's HTTP API under `/v1` (see `docs/services/sla-monitor.md`): a case's stage clocks and
/// the overdue list. Readers are shift leads, dispatchers, admins and auditors, each within their
/// place scopes.
struct ClockRoutes: Sendable {
    /// Roles that may read clocks.
    static let readers: [Role] = [.shiftLead, .dispatcher, .admin, .auditor]
    /// The default and largest page of `GET /v1/overdue`.
    static let overdueLimits = (default: 100, maximum: 1_000)

    let queries: ClockQueries
    let client: PostgresClient
    let reference: DeadlineReference
    let logger: Logger
    /// The current time (tests pass a fixed one).
    let now: @Sendable () -> Date

    func add(to router: Router<GridRequestContext>) {
        let v1 = router.group("v1", context: AuthenticatedContext.self)
        v1.get("cases/:id/clocks") { request, context in try await caseClocks(request, context: context) }
        v1.get("overdue") { request, context in try await overdue(request, context: context) }
    }

    /// `GET /v1/cases/{id}/clocks`.
    func caseClocks(_ request: Request, context: AuthenticatedContext) async throws -> CaseClocksResponse {
        try context.principal.requireRole(anyOf: Self.readers)
        let text = try context.parameters.require("id")
        guard let caseID = CaseID(text) else {
            throw APIError.badRequest("'\(text)' is not a case id (a UUID)", code: "invalid_case_id")
        }
        guard let found = try await queries.runs(of: caseID, on: client, logger: logger) else {
            throw APIError.notFound("case \(caseID) is not known to the sla-monitor", code: "case_not_found")
        }
        try Self.requireScope(of: found.snapshot.placement, for: context.principal)
        let now = now()
        return CaseClocksResponse(
            caseId: caseID.description, caseNumber: found.snapshot.caseNumber.description, state: found.snapshot.state,
            asOfSequence: found.lastSequence, asOf: ContractJSON.formatTimestamp(now),
            clocks: found.runs.map { StageClockView($0, snapshot: found.snapshot, reference: reference, now: now) })
    }

    /// `GET /v1/overdue?district=&stage=&limit=`.
    func overdue(_ request: Request, context: AuthenticatedContext) async throws -> OverdueResponse {
        let principal = context.principal
        try principal.requireRole(anyOf: Self.readers)
        let parameters = request.uri.queryParameters
        var problems: [String] = []
        var district: PlaceCode?
        if let text = parameters.get("district") {
            if let code = try? PlaceCode(text, level: .district) {
                district = code
            } else {
                problems.append("district '\(text)' is not a 6-digit district code")
            }
        }
        var stage: CaseStage?
        if let text = parameters.get("stage") {
            stage = CaseStage(rawValue: text)
            if stage == nil {
                problems.append("stage '\(text)' is not one of \(CaseStage.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        var limit = Self.overdueLimits.default
        if let text = parameters.get("limit") {
            if let value = Int(text), (1...Self.overdueLimits.maximum).contains(value) {
                limit = value
            } else {
                problems.append("limit '\(text)' is not an integer 1…\(Self.overdueLimits.maximum)")
            }
        }
        guard problems.isEmpty else {
            throw APIError.badRequest(problems.joined(separator: "; "), code: "invalid_query")
        }
        if let district { try principal.requireScope(place: district) }
        let everywhere = district != nil || principal.placeScopes.contains("*")
        let filter = ClockQueries.OverdueFilter(
            district: district?.digits, stage: stage, placePrefixes: everywhere ? nil : principal.placeScopes, limit: limit + 1)
        let now = now()
        let rows = try await queries.overdue(filter, now: now, on: client, logger: logger)
        let stamp = ContractJSON.formatTimestamp
        let items = rows.prefix(limit).map { row in
            OverdueItem(
                caseId: row.caseID.description, caseNumber: row.caseNumber, state: row.state, stage: row.stage, run: row.run,
                startedAt: stamp(row.startedAt), dueAt: stamp(row.dueAt),
                overdueSeconds: Int64(now.timeIntervalSince(row.dueAt).rounded(.down)), limit: row.limit,
                redIssuedAt: row.redIssuedAt.map(stamp), district: row.district, placeCode: row.placeCode, leadUnit: row.leadUnit)
        }
        return OverdueResponse(asOf: stamp(now), items: Array(items), truncated: rows.count > limit)
    }

    /// A located case needs its place within the caller's scopes; a case without location only a
    /// city-wide caller (`*`).
    static func requireScope(of placement: CasePlacementV1, for principal: Principal) throws(APIError) {
        if let place = placement.grid ?? placement.community ?? placement.street ?? placement.district {
            try principal.requireScope(place: place)
        } else if !principal.placeScopes.contains("*") {
            throw APIError.forbidden("the case has no location; only users with every place in scope may see it")
        }
    }
}
