import Foundation
import GridDomain
import GridRuntime
import Hummingbird

/// The query of `GET /v1/cases`: `state`, `district` (6 digits), `from`/`to` (RFC 3339, on the opening
/// time), `limit` (default 50), `cursor` (from the previous page). Staff see the cases within their
/// place scopes; citizens their own reports.
struct CaseListQuery: Sendable {
    /// The filter to run.
    let filter: CaseListFilter

    init(_ parameters: Parameters, principal: Principal, pageSizeLimit: Int) throws(APIError) {
        var problems = RequestProblems("case query")
        var filter = CaseListFilter(limit: min(50, pageSizeLimit))
        if let state = parameters.get("state") {
            if let parsed = CaseState(rawValue: state) { filter.state = parsed } else {
                problems.add("state", .unknownValue, "'\(state)' is not one of \(CaseState.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        if let district = parameters.get("district") {
            if let code = try? PlaceCode(district, level: .district) { filter.district = code } else {
                problems.add("district", .invalidFormat, "'\(district)' is not a 6-digit district code")
            }
        }
        for (name, keyPath) in [("from", \CaseListFilter.from), ("to", \CaseListFilter.to)] {
            guard let text = parameters.get(name) else { continue }
            if let date = ContractJSON.parseTimestamp(text) { filter[keyPath: keyPath] = date } else {
                problems.add(name, .invalidFormat, "'\(text)' is not an RFC 3339 timestamp with a time zone")
            }
        }
        if let text = parameters.get("limit") {
            if let limit = Int(text), (1...pageSizeLimit).contains(limit) { filter.limit = limit } else {
                problems.add("limit", .outOfRange, "'\(text)' is not an integer 1…\(pageSizeLimit)")
            }
        }
        if let text = parameters.get("cursor") {
            if let cursor = CaseListCursor(text) { filter.after = cursor } else {
                problems.add("cursor", .invalidFormat, "'\(text.prefix(80))' is not a cursor from a previous page")
            }
        }
        try problems.finish()
        if CaseAccess.staffRoles.contains(where: principal.has) {
            filter.placeScopes = principal.placeScopes.contains("*") ? nil : principal.placeScopes
        } else if principal.has(.citizen) {
            filter.reporterAccount = principal.userID
        } else {
            throw .forbidden("listing cases requires a staff role or the citizen role")
        }
        self.filter = filter
    }
}
