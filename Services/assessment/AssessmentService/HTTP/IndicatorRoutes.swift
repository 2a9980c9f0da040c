import Foundation
import GridDomain
import GridRuntime
import Hummingbird
import Logging
import NIOCore
import PostgresNIO

/// `GET /v1/indicators`: the basic assessment indicators for a period, per department, district or
/// street (see `docs/services/assessment.md`).
struct IndicatorRoutes: Sendable {
    /// Roles allowed to read indicators.
    static let roles: [Role] = [.admin, .auditor, .shiftLead]

    let city: AssessmentCity
    let postgres: PostgresClient
    let logger: Logger
    let query = IndicatorQuery()

    func add(to router: Router<GridRequestContext>) {
        router.group("v1/indicators", context: AuthenticatedContext.self)
            .get { request, context in try await report(request: request, context: context) }
    }

    func report(request: Request, context: AuthenticatedContext) async throws -> Response {
        let principal = context.principal
        try principal.requireRole(anyOf: Self.roles)
        let parameters = request.uri.queryParameters.map { (name: String($0.key), value: String($0.value)) }
        let parsed = try IndicatorRequest(parameters: parameters, city: city)
        guard !principal.placeScopes.isEmpty else {
            throw APIError.forbidden("your token grants no place scope; indicators are scoped to places")
        }
        for place in [parsed.district, parsed.street].compactMap({ $0 }) {
            try principal.requireScope(place: place)
        }
        let filter = IndicatorFilter(
            placePrefixes: principal.placeScopes.contains("*") ? nil : principal.placeScopes,
            district: parsed.district, street: parsed.street, category: parsed.category)
        let evaluatedAt = Date()
        let results = try await query.run(
            period: parsed.period, grouping: parsed.grouping, filter: filter, on: postgres, logger: logger)
        let body = makeReport(parsed, results: results, evaluatedAt: evaluatedAt)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(body))))
    }

    func makeReport(_ request: IndicatorRequest, results: [String?: IndicatorQuery.GroupResult], evaluatedAt: Date) -> IndicatorReport {
        let grouping = request.grouping
        let keys = results.keys.sorted { lhs, rhs in
            switch (lhs, rhs) {
            case let (lhs?, rhs?): lhs < rhs
            case (.some, nil): true
            default: false
            }
        }
        var totalCounts = IndicatorCounts()
        var totalCards = CardCounts()
        var groups: [IndicatorReport.Group] = []
        for key in keys {
            let result = results[key] ?? IndicatorQuery.GroupResult()
            totalCounts = totalCounts + result.counts
            totalCards = totalCards + result.cards
            let name = key.map { city.name(ofGroup: $0, by: grouping) } ?? Self.nameOfNullGroup(grouping)
            groups.append(IndicatorReport.Group(key: key, name: name, counts: result.counts, cards: result.cards))
        }
        return IndicatorReport(
            from: ContractJSON.formatTimestamp(request.period.from), to: ContractJSON.formatTimestamp(request.period.to),
            groupBy: grouping.rawValue,
            filters: .init(district: request.district?.digits, street: request.street?.digits, category: request.category?.description),
            evaluatedAt: ContractJSON.formatTimestamp(evaluatedAt), groups: groups,
            total: IndicatorReport.Group(key: nil, name: "合计 (total)", counts: totalCounts, cards: totalCards),
            definitions: IndicatorDefinitions())
    }

    static func nameOfNullGroup(_ grouping: IndicatorGrouping) -> String {
        switch grouping {
        case .department: "未派遣 (not dispatched)"
        case .district, .street: "未定位 (not located)"
        }
    }
}
