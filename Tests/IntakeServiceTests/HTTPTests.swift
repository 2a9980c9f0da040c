import Foundation
import GridDomain
import GridRuntime
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PostgresNIO
import TestSupport
import Testing

@testable import IntakeService

/// Sets the principal from an `X-Test-Principal: <user>;<role,role>;<place,place>` header (the JWT
/// verification itself is GridRuntime's and tested there).
struct TestPrincipalMiddleware: RouterMiddleware {
    typealias Context = GridRequestContext
    static let header = HTTPField.Name("X-Test-Principal")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let value = request.headers[Self.header] {
            let parts = value.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            context.identity = Principal(
                userID: parts[0], roles: Set(parts[1].split(separator: ",").map { Role(String($0)) }),
                placeScopes: parts.count > 2 ? parts[2].split(separator: ",").map(String.init) : [])
        }
        return try await next(request, context)
    }

    static func value(_ principal: Principal) -> String {
        "\(principal.userID);\(principal.roles.map(\.rawValue).sorted().joined(separator: ","));\(principal.placeScopes.joined(separator: ","))"
    }
}

@Suite("HTTP API")
struct HTTPTests {
    static func withApp(_ body: @Sendable (IntakeFixture, any TestClientProtocol) async throws -> Void) async throws {
        try await IntakeFixture.with { fixture in
            let router = Router(context: GridRequestContext.self)
            router.add(middleware: RequestIDMiddleware())
            router.add(middleware: ProblemMiddleware())
            router.add(middleware: TestPrincipalMiddleware())
            IntakeRoutes(desk: fixture.desk, catalog: fixture.city.reference.catalog, pageSizeLimit: 100).add(to: router)
            try await Application(router: router).test(.router) { client in try await body(fixture, client) }
        }
    }

    static func headers(_ principal: Principal) -> HTTPFields {
        [TestPrincipalMiddleware.header: TestPrincipalMiddleware.value(principal), .contentType: "application/json"]
    }

    static func json(_ buffer: ByteBuffer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any])
    }

    static func report(_ fixture: IntakeFixture, point: (Double, Double)? = nil, extra: String = "") throws -> ByteBuffer {
        let p = try point.map { try CaseLocation.Point(longitude: $0.0, latitude: $0.1) } ?? fixture.interiorPoint(of: "339901001001001")
        return ByteBuffer(
            string: #"{"location":{"point":{"longitude":\#(p.longitude),"latitude":\#(p.latitude)},"address":"春桥村"},"category":"E0102","description":"垃圾堆积","attachments":["https://media.example/1.jpg"]\#(extra)}"#)
    }

    @Test func aSupervisorReportsAndGetsTheFiledCaseWithItsTimeline() async throws {
        try await Self.withApp { fixture, client in
            try await client.execute(
                uri: "/v1/reports", method: .post, headers: Self.headers(TestPrincipals.supervisor), body: Self.report(fixture)
            ) { response in
                #expect(response.status == .created)
                let body = try Self.json(response.body)
                let snapshot = try #require(body["snapshot"] as? [String: Any])
                #expect(snapshot["state"] as? String == "filed")
                #expect((snapshot["placement"] as? [String: Any])?["grid"] as? String == "339901001001001")
                #expect((body["timeline"] as? [[String: Any]])?.map { $0["type"] as? String } == [
                    "gridloop.case.reported.v1", "gridloop.case.filed.v1",
                ])
                #expect(body["phaseOwner"] as? String == "routing")
            }
        }
    }

    @Test func invalidReportsAreAnsweredWithEveryProblem() async throws {
        try await Self.withApp { fixture, client in
            try await client.execute(
                uri: "/v1/reports", method: .post, headers: Self.headers(TestPrincipals.supervisor),
                body: Self.report(fixture, point: (121.47, 31.23))
            ) { response in
                #expect(response.status == .unprocessableContent)
                let error = try #require(try Self.json(response.body)["error"] as? [String: Any])
                #expect(error["code"] as? String == "location_outside_city")
            }
            let bad = ByteBuffer(string: #"{"location":{"address":"x"},"category":"E9999","description":" ","attachments":["ftp://x"],"reporter":{"phone":"12"}}"#)
            try await client.execute(uri: "/v1/reports", method: .post, headers: Self.headers(TestPrincipals.citizen), body: bad) { response in
                #expect(response.status == .unprocessableContent)
                let message = try #require((try Self.json(response.body)["error"] as? [String: Any])?["message"] as? String)
                for field in ["location (inconsistent)", "category", "description (missing)", "attachments[0]", "reporter.phone"] {
                    #expect(message.contains(field), "\(field) in \(message)")
                }
            }
            try await client.execute(
                uri: "/v1/reports", method: .post, headers: Self.headers(TestPrincipals.shiftLead), body: Self.report(fixture)
            ) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/v1/reports", method: .post, body: Self.report(fixture)) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test func personalDataIsShownOnlyToEntitledRoles() async throws {
        try await Self.withApp { fixture, client in
            let body = try Self.report(fixture, extra: #","reporter":{"name":"李四","phone":"13912345678"}"#)
            let id = try await client.execute(uri: "/v1/reports", method: .post, headers: Self.headers(TestPrincipals.citizen), body: body) {
                response in
                #expect(response.status == .created)
                return try #require((try Self.json(response.body)["snapshot"] as? [String: Any])?["caseId"] as? String)
            }
            try await client.execute(uri: "/v1/cases/\(id)", method: .get, headers: Self.headers(TestPrincipals.supervisor)) { response in
                let text = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(!text.contains("13912345678"))
                #expect(text.contains("139****5678"))
            }
            try await client.execute(uri: "/v1/cases/\(id)", method: .get, headers: Self.headers(TestPrincipals.operatorAll)) { response in
                let report = try #require(try Self.json(response.body)["report"] as? [String: Any])
                #expect(report["personalDataShown"] as? Bool == true)
                #expect((report["reporter"] as? [String: Any])?["phone"] as? String == "13912345678")
            }
            try await client.execute(uri: "/v1/cases/\(id)", method: .get, headers: Self.headers(TestPrincipals.otherCitizen)) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/v1/cases/\(id)", method: .get, headers: Self.headers(TestPrincipals.dispatcherOtherDistrict)) {
                response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/v1/cases/not-a-uuid", method: .get, headers: Self.headers(TestPrincipals.operatorAll)) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(
                uri: "/v1/cases/\(UUID().uuidString)", method: .get, headers: Self.headers(TestPrincipals.operatorAll)
            ) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func verificationThenCheckEndpointsMoveTheCase() async throws {
        try await Self.withApp { fixture, client in
            let id = try await client.execute(
                uri: "/v1/reports", method: .post, headers: Self.headers(TestPrincipals.citizen), body: Self.report(fixture)
            ) { response in
                try #require((try Self.json(response.body)["snapshot"] as? [String: Any])?["caseId"] as? String)
            }
            try await client.execute(
                uri: "/v1/cases/\(id)/verification", method: .post, headers: Self.headers(TestPrincipals.citizen),
                body: ByteBuffer(string: #"{"confirmed":true}"#)
            ) { response in
                #expect(response.status == .forbidden)  // the reporting citizen sees the case but cannot verify it
            }
            try await client.execute(
                uri: "/v1/cases/\(id)/verification", method: .post, headers: Self.headers(TestPrincipals.supervisor),
                body: ByteBuffer(string: #"{"confirmed":true,"note":"属实"}"#)
            ) { response in
                #expect(response.status == .ok)
                let json = try Self.json(response.body)
                #expect((json["snapshot"] as? [String: Any])?["state"] as? String == "filed")
            }
            try await client.execute(
                uri: "/v1/cases/\(id)/check", method: .post, headers: Self.headers(TestPrincipals.supervisor),
                body: ByteBuffer(string: #"{"passed":false}"#)
            ) { response in
                #expect(response.status == .unprocessableContent)  // a failed check needs a reason
            }
            try await client.execute(
                uri: "/v1/cases/\(id)/check", method: .post, headers: Self.headers(TestPrincipals.supervisor),
                body: ByteBuffer(string: #"{"passed":true}"#)
            ) { response in
                #expect(response.status == .conflict)
                let json = try Self.json(response.body)
                #expect((json["error"] as? [String: Any])?["code"] as? String == "owned_by_routing")
            }
        }
    }

    @Test func casesAreListedWithinScopeAndPaged() async throws {
        try await Self.withApp { fixture, client in
            for _ in 0..<3 {
                try await client.execute(
                    uri: "/v1/reports", method: .post, headers: Self.headers(TestPrincipals.supervisor), body: Self.report(fixture)
                ) { #expect($0.status == .created) }
            }
            let next = try await client.execute(
                uri: "/v1/cases?state=filed&limit=2", method: .get, headers: Self.headers(TestPrincipals.shiftLead)
            ) { response in
                let body = try Self.json(response.body)
                #expect((body["cases"] as? [Any])?.count == 2)
                return try #require(body["nextCursor"] as? String)
            }
            try await client.execute(
                uri: "/v1/cases?state=filed&limit=2&cursor=\(next)", method: .get, headers: Self.headers(TestPrincipals.shiftLead)
            ) { response in
                let body = try Self.json(response.body)
                #expect((body["cases"] as? [Any])?.count == 1)
                #expect(body["nextCursor"] == nil)
            }
            try await client.execute(uri: "/v1/cases", method: .get, headers: Self.headers(TestPrincipals.dispatcherOtherDistrict)) { response in
                let json = try Self.json(response.body)
                #expect((json["cases"] as? [Any])?.count == 0)
            }
            try await client.execute(uri: "/v1/cases?state=bogus&limit=0", method: .get, headers: Self.headers(TestPrincipals.shiftLead)) {
                response in
                #expect(response.status == .unprocessableContent)
            }
        }
    }
}
