import Foundation
import GridDomain
import GridRuntime
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import TestSupport
import Testing

@testable import AssessmentService

/// `GET /v1/indicators` through the service's route group, the scaffold's middleware and real tokens,
/// on facts recorded from the scenario's events.
@Suite struct IndicatorRoutesTests {
    struct Report: Decodable {
        struct Ratio: Decodable {
            var value: Decimal?
            var numerator: Int
            var denominator: Int
            var reason: String?
        }
        struct Group: Decodable {
            var key: String?
            var name: String?
            var counts: [String: Int]
            var ratios: [String: Ratio]
            var redCardsByStage: [String: Int]
            var yellowCardsByStage: [String: Int]
        }
        var from: String
        var to: String
        var groupBy: String
        var groups: [Group]
        var total: Group
        var definitions: [String: String]
    }

    struct Problem: Decodable {
        struct Body: Decodable {
            var code: String
            var message: String
        }
        var error: Body
    }

    static let query = "from=2025-03-03T00:00:00%2B08:00&to=2025-03-04T00:00:00%2B08:00"

    /// Runs `body` against the assessment routes with the scenario recorded.
    func withApplication(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await AssessmentDatabase.with { database in
            try await AssessmentDatabase.project(try AssessmentScenario().messages, in: database)
            let routes = IndicatorRoutes(city: try SampleCity.load(), postgres: database.client, logger: database.logger)
            let router = Router(context: GridRequestContext.self)
            router.add(middleware: RequestIDMiddleware())
            router.add(middleware: ProblemMiddleware())
            router.add(middleware: JWTAuthenticator<GridRequestContext>(verifier: try await TokenVerifier(configuration: TestTokens.auth)))
            routes.add(to: router)
            try await Application(router: router).test(.router, body)
        }
    }

    func get(
        _ client: some TestClientProtocol, _ query: String, roles: [String] = ["auditor"], places: [String]? = ["*"]
    ) async throws -> (HTTPResponse.Status, Data) {
        var headers: HTTPFields = [:]
        if !roles.isEmpty {
            headers[.authorization] = "Bearer \(try await TestTokens.token(roles: roles, places: places))"
        }
        return try await client.execute(uri: "/v1/indicators?\(query)", method: .get, headers: headers) { response in
            (response.status, Data(String(buffer: response.body).utf8))
        }
    }

    @Test func anAuditorGetsEveryDepartmentWithCountsRatiosAndDefinitions() async throws {
        try await withApplication { client in
            let (status, body) = try await get(client, Self.query + "&groupBy=department")
            #expect(status == .ok)
            let report = try JSONDecoder().decode(Report.self, from: body)
            #expect(report.groupBy == "department")
            #expect(report.from == "2025-03-02T16:00:00.000Z" && report.to == "2025-03-03T16:00:00.000Z")
            #expect(report.groups.map(\.key) == [AssessmentScenario.sanitation, AssessmentScenario.enforcement, nil])
            #expect(report.groups.map(\.name) == ["江滨区环境卫生管理中心", "城南区综合行政执法局", "未派遣 (not dispatched)"])

            let total = report.total
            let expected = AssessmentScenario.expectedTotal
            #expect(total.counts["filed"] == expected.filed)
            #expect(total.counts["voided"] == expected.voided)
            #expect(total.counts["accuratelyFiled"] == expected.filed - expected.voided)
            #expect(total.counts["dueForClosing"] == expected.dueForClosing)
            #expect(total.counts["disposed"] == expected.disposed)
            #expect(total.counts["overdueUndisposed"] == expected.overdueUndisposed)
            #expect(total.counts["closed"] == expected.closed)
            #expect(total.counts["closedOnTime"] == expected.closedOnTime)
            #expect(total.counts["parkedExcluded"] == expected.parkedExcluded)
            #expect(total.counts["reworked"] == expected.reworked)
            #expect(total.counts["disposedLate"] == expected.disposedLate)
            #expect(total.counts["selfDisposed"] == expected.selfDisposed)
            #expect(total.counts["redCards"] == 4 && total.counts["yellowCards"] == 1)
            #expect(total.redCardsByStage == ["dispose": 4])

            let closing = try #require(total.ratios["closingRate"])
            #expect(closing.value == Decimal(string: "0.8333") && closing.numerator == 5 && closing.denominator == 6)
            #expect(total.ratios["onTimeClosingRate"]?.value == Decimal(string: "0.6667"))
            #expect(total.ratios["reworkRate"]?.value == Decimal(string: "0.2"))
            #expect(total.ratios["accurateFilingRate"]?.value == Decimal(string: "0.8889"))

            // The enforcement bureau disposed of nothing: no rework rate, and a reason.
            let enforcement = try #require(report.groups.first { $0.key == AssessmentScenario.enforcement })
            let rework = try #require(enforcement.ratios["reworkRate"])
            #expect(rework.value == nil && rework.denominator == 0)
            #expect(rework.reason == "no case was first disposed in the period")
            #expect(enforcement.ratios["closingRate"]?.value == 0)
            #expect(enforcement.redCardsByStage == ["dispose": 2])
            #expect(report.definitions["dueForClosing"]?.hasPrefix("应结案数 = disposed + overdueUndisposed") == true)
        }
    }

    @Test func aShiftLeadSeesOnlyTheirPlaces() async throws {
        try await withApplication { client in
            let (status, body) = try await get(
                client, Self.query + "&groupBy=district", roles: ["shift_lead"], places: ["339902"])
            #expect(status == .ok)
            let report = try JSONDecoder().decode(Report.self, from: body)
            #expect(report.groups.map(\.key) == ["339902"])
            #expect(report.groups.first?.name == "城南区")
            #expect(report.total.counts["filed"] == 2)
            #expect(report.total.counts["parkedExcluded"] == 1)

            let (streetStatus, streetBody) = try await get(
                client, Self.query + "&groupBy=street&street=339902001", roles: ["shift_lead"], places: ["339902"])
            #expect(streetStatus == .ok)
            let streets = try JSONDecoder().decode(Report.self, from: streetBody)
            #expect(streets.groups.map(\.key) == ["339902001"])
        }
    }

    @Test func requestsOutsideRoleOrScopeAreRefused() async throws {
        try await withApplication { client in
            let (outside, outsideBody) = try await get(
                client, Self.query + "&groupBy=district&district=339901", roles: ["shift_lead"], places: ["339902"])
            #expect(outside == .forbidden)
            #expect(try JSONDecoder().decode(Problem.self, from: outsideBody).error.message.contains("339901"))

            let (wrongRole, _) = try await get(client, Self.query + "&groupBy=district", roles: ["disposal_unit"])
            #expect(wrongRole == .forbidden)

            let (noPlaces, noPlacesBody) = try await get(client, Self.query + "&groupBy=district", roles: ["admin"], places: nil)
            #expect(noPlaces == .forbidden)
            #expect(try JSONDecoder().decode(Problem.self, from: noPlacesBody).error.message.contains("no place scope"))

            let (anonymous, _) = try await get(client, Self.query + "&groupBy=district", roles: [])
            #expect(anonymous == .unauthorized)
        }
    }

    @Test func aBadQueryIsExplained() async throws {
        try await withApplication { client in
            let (status, body) = try await get(client, "from=yesterday&groupBy=grid")
            #expect(status == .badRequest)
            let problem = try JSONDecoder().decode(Problem.self, from: body)
            #expect(problem.error.code == "invalid_query")
            #expect(problem.error.message.contains("from 'yesterday' is not an RFC 3339 timestamp"))
            #expect(problem.error.message.contains("to is required"))
            #expect(problem.error.message.contains("groupBy 'grid' is not one of department, district, street"))

            let (unknown, unknownBody) = try await get(client, Self.query + "&groupBy=district&district=339909")
            #expect(unknown == .unprocessableContent)
            #expect(try JSONDecoder().decode(Problem.self, from: unknownBody).error.code == "unknown_code")
        }
    }
}
