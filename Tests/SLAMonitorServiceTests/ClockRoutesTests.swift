import Foundation
import GridDomain
import GridRuntime
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JWTKit
import NIOCore
@testable import SLAMonitorService
import Testing

/// `GET /v1/cases/{id}/clocks` and `GET /v1/overdue` over a real PostgreSQL, with real bearer tokens.
@Suite("Clock routes")
struct ClockRoutesTests {
    static let secret = "sla-monitor-test-secret-0123456789abcdef"
    let reference = SLAFixtures.reference
    func at(_ text: String) -> Date { SLAFixtures.at(text) }

    static func token(roles: [String], places: [String]) async throws -> String {
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        return try await keys.sign(
            GridClaims(
                subject: "u-1", name: nil, roles: roles, places: places, units: nil, issuer: "gridloop", audience: "gridloop",
                expiration: Date().addingTimeInterval(600)))
    }

    /// The monitor's routes behind the runtime's authenticator, answering as of `now`.
    func withApp(_ db: SLADatabase, now: Date, _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let router = Router(context: GridRequestContext.self)
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: JWTAuthenticator<GridRequestContext>(
            verifier: try await TokenVerifier(configuration: .init(key: .sharedSecret(Self.secret)))))
        ClockRoutes(queries: ClockQueries(), client: db.client, reference: reference, logger: db.logger, now: { now }).add(to: router)
        try await Application(router: router).test(.router, test)
    }

    func get(_ client: any TestClientProtocol, _ path: String, roles: [String] = ["shift_lead"], places: [String] = ["339901"])
        async throws -> (HTTPResponse.Status, [String: Any])
    {
        let token = try await Self.token(roles: roles, places: places)
        return try await client.execute(uri: path, method: .get, headers: [.authorization: "Bearer \(token)"]) { response in
            let json = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any] ?? [:]
            return (response.status, json)
        }
    }

    /// A case dispatched at 09:10 Monday, signed for at 09:40; and one filed at 09:00 and never dispatched.
    func seed(_ db: SLADatabase) async throws -> (dispatched: Timeline, filed: Timeline) {
        var dispatched = try Timeline(at: at("2025-03-03 09:00"))
        try dispatched.fileAndDispatch(at: at("2025-03-03 09:10"))
        try dispatched.step(.signFor, by: SLAFixtures.sanitation, at: at("2025-03-03 09:40"))
        var filed = try Timeline(at: at("2025-03-03 08:40"))
        try filed.step(.file(category: nil, urgency: nil), by: SLAFixtures.intake, at: at("2025-03-03 09:00"))
        try await db.apply(dispatched.events + filed.events, reference: reference)
        return (dispatched, filed)
    }

    @Test("a case's clocks: every run with status, due, remaining and card")
    func caseClocks() async throws {
        try await SLADatabase.with { db in
            let (dispatched, _) = try await seed(db)
            try await withApp(db, now: at("2025-03-03 13:50")) { client in
                let (status, body) = try await get(client, "/v1/cases/\(dispatched.caseID)/clocks")
                #expect(status == .ok)
                #expect(body["caseId"] as? String == dispatched.caseID.description)
                #expect(body["asOfSequence"] as? Int == 4)
                #expect(body["state"] as? String == "in_disposal")
                let clocks = try #require(body["clocks"] as? [[String: Any]])
                #expect(clocks.map { $0["stage"] as? String } == ["accept", "dispatch", "sign_for", "dispose"])
                #expect(clocks.map { $0["status"] as? String } == ["stopped", "stopped", "stopped", "running"])
                let dispose = clocks[3]
                #expect(dispose["dueAt"] as? String == "2025-03-03T06:40:00.000Z")  // 14:40 in Shanghai
                #expect(dispose["remainingSeconds"] as? Int == 50 * 60)
                #expect(dispose["card"] as? String == "yellow")  // 3 h 30 of 4 h used: past 75 %
                #expect((dispose["limit"] as? [String: Any])?["unit"] as? String == "working_hours")
                #expect((dispose["escalation"] as? [String: Any])?["level"] as? String == "district")
                #expect(clocks[2]["remainingSeconds"] == nil)
                #expect(clocks[2]["card"] as? String == "none")
            }
        }
    }

    @Test("unknown, malformed and out-of-scope cases; roles")
    func caseClocksErrors() async throws {
        try await SLADatabase.with { db in
            let (dispatched, _) = try await seed(db)
            try await withApp(db, now: at("2025-03-03 13:50")) { client in
                let path = "/v1/cases/\(dispatched.caseID)/clocks"
                #expect(try await get(client, "/v1/cases/\(CaseID())/clocks").0 == .notFound)
                let (malformed, body) = try await get(client, "/v1/cases/not-a-case/clocks")
                #expect(malformed == .badRequest)
                #expect((body["error"] as? [String: Any])?["code"] as? String == "invalid_case_id")
                #expect(try await get(client, path, places: ["339902"]).0 == .forbidden)
                #expect(try await get(client, path, places: ["339901001"]).0 == .ok)
                #expect(try await get(client, path, roles: ["disposal_unit"]).0 == .forbidden)
                #expect(try await get(client, path, roles: ["auditor"], places: ["*"]).0 == .ok)
                let anonymous = try await client.execute(uri: path, method: .get) { $0.status }
                #expect(anonymous == .unauthorized)
            }
        }
    }

    @Test("overdue clocks, filtered by district, stage and the caller's scopes")
    func overdue() async throws {
        try await SLADatabase.with { db in
            let (dispatched, filed) = try await seed(db)
            // At 15:00 Monday: the dispatched case's disposal (due 14:40) and the filed case's dispatch
            // (1 working hour from 09:00, due 10:00) are overdue.
            try await withApp(db, now: at("2025-03-03 15:00")) { client in
                let (status, body) = try await get(client, "/v1/overdue")
                #expect(status == .ok)
                let items = try #require(body["items"] as? [[String: Any]])
                #expect(items.map { $0["caseId"] as? String } == [filed.caseID.description, dispatched.caseID.description])
                #expect(items.map { $0["stage"] as? String } == ["dispatch", "dispose"])
                #expect(items[0]["overdueSeconds"] as? Int == 5 * 3600)
                #expect(items[1]["leadUnit"] as? String == SLAFixtures.streetUnit.rawValue)
                #expect(items[1]["district"] as? String == "339901")
                #expect(body["truncated"] as? Bool == false)

                let dispose = try await get(client, "/v1/overdue?stage=dispose&district=339901").1
                #expect((dispose["items"] as? [[String: Any]])?.count == 1)
                let limited = try await get(client, "/v1/overdue?limit=1").1
                #expect((limited["items"] as? [[String: Any]])?.count == 1)
                #expect(limited["truncated"] as? Bool == true)
                let elsewhere = try await get(client, "/v1/overdue", places: ["339902"]).1
                #expect((elsewhere["items"] as? [[String: Any]])?.isEmpty == true)
                #expect(try await get(client, "/v1/overdue?district=339901", places: ["339902"]).0 == .forbidden)
                let (bad, problem) = try await get(client, "/v1/overdue?district=33&stage=repair&limit=0")
                #expect(bad == .badRequest)
                let message = (problem["error"] as? [String: Any])?["message"] as? String ?? ""
                #expect(message.contains("district '33'") && message.contains("stage 'repair'") && message.contains("limit '0'"))
            }
        }
    }
}
