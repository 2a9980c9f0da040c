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

@Suite("HTTP steps of the operator and the grid worker")
struct HTTPStepTests {
    static func openReport(_ client: any TestClientProtocol, _ principal: Principal, body: String) async throws -> [String: Any] {
        try await client.execute(
            uri: "/v1/reports", method: .post, headers: HTTPTests.headers(principal), body: ByteBuffer(string: body)
        ) { response in
            #expect(response.status == .created)
            return try HTTPTests.json(response.body)
        }
    }

    static func state(_ json: [String: Any]) -> String? { (json["snapshot"] as? [String: Any])?["state"] as? String }
    static func id(_ json: [String: Any]) -> String { ((json["snapshot"] as? [String: Any])?["caseId"] as? String) ?? "" }

    @Test func anOperatorFilesAReportWithoutCategoryAndMarksARepeatAsDuplicate() async throws {
        try await HTTPTests.withApp { fixture, client in
            let point = try fixture.interiorPoint(of: "339901001001004")
            let body = #"{"location":{"point":{"longitude":\#(point.longitude),"latitude":\#(point.latitude)}},"description":"井盖松动"}"#
            let first = try await Self.openReport(client, TestPrincipals.supervisor, body: body)
            #expect(Self.state(first) == "reported")  // no category: waits for the operator
            let repeatReport = try await Self.openReport(client, TestPrincipals.supervisor, body: body)

            try await client.execute(
                uri: "/v1/cases/\(Self.id(first))/file", method: .post, headers: HTTPTests.headers(TestPrincipals.operatorAll),
                body: ByteBuffer(string: #"{"category":"X99"}"#)
            ) { response in
                #expect(response.status == .unprocessableContent)
            }
            try await client.execute(
                uri: "/v1/cases/\(Self.id(first))/file", method: .post, headers: HTTPTests.headers(TestPrincipals.operatorAll),
                body: ByteBuffer(string: #"{"category":"C0101"}"#)
            ) { response in
                #expect(response.status == .ok)
                let json = try HTTPTests.json(response.body)
                #expect(Self.state(json) == "filed")
                #expect((json["snapshot"] as? [String: Any])?["category"] as? String == "C0101")
            }
            try await client.execute(
                uri: "/v1/cases/\(Self.id(repeatReport))/duplicate", method: .post, headers: HTTPTests.headers(TestPrincipals.operatorAll),
                body: ByteBuffer(string: #"{"duplicateOf":"\#(Self.id(first))"}"#)
            ) { response in
                #expect(response.status == .ok)
                let json = try HTTPTests.json(response.body)
                #expect(Self.state(json) == "duplicate")
                #expect((json["snapshot"] as? [String: Any])?["duplicateOf"] as? String == Self.id(first))
            }
            try await client.execute(
                uri: "/v1/cases/\(Self.id(first))/duplicate", method: .post, headers: HTTPTests.headers(TestPrincipals.operatorAll),
                body: ByteBuffer(string: #"{"duplicateOf":"\#(UUID().uuidString.lowercased())"}"#)
            ) { response in
                #expect(response.status == .unprocessableContent)  // no such case
            }
        }
    }

    @Test func aGridWorkerDisposesOnTheSpotAndOthersCannot() async throws {
        try await HTTPTests.withApp { fixture, client in
            let point = try fixture.interiorPoint(of: "339901001001005")
            let location = #""location":{"point":{"longitude":\#(point.longitude),"latitude":\#(point.latitude)}}"#
            let closed = try await Self.openReport(
                client, TestPrincipals.gridWorker,
                body: #"{\#(location),"category":"E0102","description":"垃圾","selfDisposal":{"note":"已清理","attachments":["https://media.example/a.jpg"]}}"#)
            #expect(Self.state(closed) == "closed")
            #expect((closed["timeline"] as? [[String: Any]])?.last?["type"] as? String == "gridloop.case.self-disposed.v1")

            try await client.execute(
                uri: "/v1/reports", method: .post, headers: HTTPTests.headers(TestPrincipals.supervisor),
                body: ByteBuffer(string: #"{\#(location),"category":"E0102","description":"垃圾","selfDisposal":{"note":"已清理"}}"#)
            ) { response in
                #expect(response.status == .unprocessableContent)  // only a grid worker's own report
            }
            let pending = try await Self.openReport(client, TestPrincipals.gridWorker, body: #"{\#(location),"description":"待定"}"#)
            try await client.execute(
                uri: "/v1/cases/\(Self.id(pending))/self-disposal", method: .post,
                headers: HTTPTests.headers(Principal(userID: "gw-002", roles: [.gridWorker], placeScopes: ["339901"])),
                body: ByteBuffer(string: #"{"note":"已处理"}"#)
            ) { response in
                #expect(response.status == .unprocessableContent)  // not the reporting grid worker
            }
            try await client.execute(
                uri: "/v1/cases/\(Self.id(pending))/self-disposal", method: .post, headers: HTTPTests.headers(TestPrincipals.gridWorker),
                body: ByteBuffer(string: #"{"note":"已处理"}"#)
            ) { response in
                #expect(response.status == .ok)
                let json = try HTTPTests.json(response.body)
                #expect(Self.state(json) == "closed")
            }
        }
    }

    @Test func citizensListOnlyTheirOwnReports() async throws {
        try await HTTPTests.withApp { fixture, client in
            _ = try await Self.openReport(client, TestPrincipals.citizen, body: String(buffer: try HTTPTests.report(fixture)))
            _ = try await Self.openReport(client, TestPrincipals.otherCitizen, body: String(buffer: try HTTPTests.report(fixture)))
            try await client.execute(uri: "/v1/cases", method: .get, headers: HTTPTests.headers(TestPrincipals.citizen)) { response in
                let cases = try #require(try HTTPTests.json(response.body)["cases"] as? [[String: Any]])
                #expect(cases.count == 1)
                #expect(cases.first?["channel"] as? String == "citizen_app")
            }
            try await client.execute(uri: "/v1/cases", method: .get, headers: HTTPTests.headers(TestPrincipals.operatorAll)) { response in
                let json = try HTTPTests.json(response.body)
                #expect((json["cases"] as? [[String: Any]])?.count == 2)
            }
        }
    }

    @Test func aHotlineAgentEntersACallOnBehalfOfTheCaller() async throws {
        try await HTTPTests.withApp { fixture, client in
            let body = try HTTPTests.report(fixture, extra: #","channel":"12345","reporter":{"name":"王五","phone":"13700001111"}"#)
            let json = try await Self.openReport(client, TestPrincipals.hotlineAgent, body: String(buffer: body))
            let report = try #require(json["report"] as? [String: Any])
            let reporter = try #require(report["reporter"] as? [String: Any])
            #expect(report["channel"] as? String == "12345")
            #expect(reporter["accountId"] == nil)
            #expect(reporter["phone"] as? String == "13700001111")  // hotline agents see the caller's number
            #expect(Self.state(json) == "filed")  // E0102 needs no verification in the sample city
            let timeline = try #require(json["timeline"] as? [[String: Any]])
            let opening = try #require(timeline.first?["data"] as? [String: Any])
            #expect((opening["actor"] as? [String: Any])?["role"] as? String == "hotline_agent")
        }
    }
}
