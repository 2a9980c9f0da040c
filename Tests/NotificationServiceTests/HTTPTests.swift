import Foundation
import GridDomain
import GridRuntime
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NotificationService
import PostgresNIO
import Testing
import TestSupport

@Suite("HTTP API")
struct HTTPTests {
    struct DeliveryList: Decodable {
        let deliveries: [DeliveryRecord]
        let nextCursor: String?
    }

    struct SinkList: Decodable {
        let messages: [SinkMessage]
        let nextBefore: Int64?
    }

    static func decode<Value: Decodable>(_ type: Value.Type, _ response: TestResponse) throws -> Value {
        try ContractJSON.decode(Value.self, from: Data(response.body.readableBytesView))
    }

    /// Two hotline cases consumed and their notices sent to the sink.
    static func prepare(_ service: Notifications, _ database: TestDatabase) async throws -> [UUID] {
        var caseIds: [UUID] = []
        for _ in 0..<2 {
            let (events, states) = try NotificationFixtures.hotlineCase()
            caseIds.append(states[0].id.rawValue)
            try await Outbox(schema: database.schema).withTransaction(on: database.client, logger: database.logger) { transaction in
                for event in events { try await service.notifier.handle(event.cloudEvent(), in: transaction) }
            }
        }
        while try await service.worker.round() > 0 {}
        return caseIds
    }

    @Test("deliveries and sink messages by case, status and recipient, for admins, auditors and shift leads in scope")
    func reading() async throws {
        try await NotificationDatabase.with { database in
            let service = try await Notifications(resources: HTTPTestSupport.resources(database))
            let caseIds = try await Self.prepare(service, database)
            let app = try await HTTPTestSupport.application(service)
            let auditor = try await HTTPTestSupport.bearer(roles: ["auditor"])
            let leadOfDistrict = try await HTTPTestSupport.bearer(roles: ["shift_lead"], places: ["339901"])
            let leadElsewhere = try await HTTPTestSupport.bearer(roles: ["shift_lead"], places: ["339902"])
            let dispatcher = try await HTTPTestSupport.bearer(roles: ["dispatcher"])
            try await app.test(.router) { client in
                try await client.execute(uri: "/v1/deliveries", method: .get) { response in
                    #expect(response.status == .unauthorized)
                }
                try await client.execute(uri: "/v1/deliveries", method: .get, headers: dispatcher) { response in
                    #expect(response.status == .forbidden)
                    let problem = try Self.decode(HTTPTestSupport.Problem.self, response)
                    #expect(problem.error.message.contains("admin or auditor or shift_lead"))
                }
                try await client.execute(uri: "/v1/deliveries?caseId=\(caseIds[0])", method: .get, headers: auditor) { response in
                    #expect(response.status == .ok)
                    let list = try Self.decode(DeliveryList.self, response)
                    #expect(list.nextCursor == nil)
                    #expect(Set(list.deliveries.map(\.recipient)) == ["unit:S339901001-SANITATION", "unit:S339901001-ENFORCE", "reporter:12345"])
                    #expect(list.deliveries.allSatisfy { $0.caseId.rawValue == caseIds[0] && $0.status == "sent" && $0.channel == "sink" && $0.sentAt != nil })
                    let close = try #require(list.deliveries.first { $0.recipient == "reporter:12345" })
                    #expect(close.title == "【结案回复】您反映的问题已办结")
                    #expect(close.eventType == "gridloop.case.closed.v1")
                    #expect(close.recipientName == "报告人")
                    // Case ids are written lower-case, as in the events and the other services.
                    #expect(String(decoding: response.body.readableBytesView, as: UTF8.self).contains(#""caseId":"\#(caseIds[0].uuidString.lowercased())""#))
                }
                try await client.execute(uri: "/v1/deliveries?status=sent&recipient=reporter:12345", method: .get, headers: leadOfDistrict) { response in
                    let decoded = try Self.decode(DeliveryList.self, response)
                    #expect(decoded.deliveries.count == 2)
                }
                try await client.execute(uri: "/v1/deliveries?status=failed", method: .get, headers: auditor) { response in
                    let decoded = try Self.decode(DeliveryList.self, response)
                    #expect(decoded.deliveries.isEmpty)
                }
                try await client.execute(uri: "/v1/deliveries", method: .get, headers: leadElsewhere) { response in
                    #expect(response.status == .ok)
                    let decoded = try Self.decode(DeliveryList.self, response)
                    #expect(decoded.deliveries.isEmpty)
                }
                // Paging through all six deliveries two at a time.
                var seen: [UUID] = []
                var cursor: String?
                repeat {
                    let query = "/v1/deliveries?limit=2" + (cursor.map { "&cursor=\($0)" } ?? "")
                    cursor = try await client.execute(uri: query, method: .get, headers: auditor) { response in
                        let page = try Self.decode(DeliveryList.self, response)
                        seen += page.deliveries.map(\.id)
                        return page.nextCursor
                    }
                } while cursor != nil
                #expect(seen.count == 6)
                #expect(Set(seen).count == 6)

                try await client.execute(uri: "/v1/sink?recipient=unit:S339901001-SANITATION", method: .get, headers: auditor) { response in
                    let list = try Self.decode(SinkList.self, response)
                    #expect(list.messages.count == 2)
                    #expect(list.messages.allSatisfy { $0.mailbox == "unit-S339901001-SANITATION" && $0.title.hasPrefix("【派遣】") })
                    #expect(list.messages[0].id > list.messages[1].id)
                }
                try await client.execute(uri: "/v1/sink?limit=1", method: .get, headers: leadOfDistrict) { response in
                    let list = try Self.decode(SinkList.self, response)
                    #expect(list.messages.count == 1)
                    #expect(list.nextBefore == list.messages.first?.id)
                }
                try await client.execute(uri: "/v1/sink", method: .get, headers: leadElsewhere) { response in
                    let decoded = try Self.decode(SinkList.self, response)
                    #expect(decoded.messages.isEmpty)
                }
            }
        }
    }

    @Test("bad query parameters get one 400 naming every problem")
    func badQueries() async throws {
        try await NotificationDatabase.with { database in
            let service = try await Notifications(resources: HTTPTestSupport.resources(database))
            let app = try await HTTPTestSupport.application(service)
            let admin = try await HTTPTestSupport.bearer(roles: ["admin"])
            try await app.test(.router) { client in
                try await client.execute(uri: "/v1/deliveries?caseId=abc&status=lost&limit=0&cursor=x", method: .get, headers: admin) { response in
                    #expect(response.status == .badRequest)
                    let problem = try Self.decode(HTTPTestSupport.Problem.self, response)
                    #expect(problem.error.code == "invalid_query")
                    #expect(problem.error.message.contains("caseId 'abc' is not a UUID"))
                    #expect(problem.error.message.contains("status 'lost' is not one of pending, sending, sent, failed"))
                    #expect(problem.error.message.contains("limit '0' is not an integer 1…1000"))
                    #expect(problem.error.message.contains("cursor 'x'"))
                }
                try await client.execute(uri: "/v1/sink?before=-3&limit=5000", method: .get, headers: admin) { response in
                    #expect(response.status == .badRequest)
                    let problem = try Self.decode(HTTPTestSupport.Problem.self, response)
                    #expect(problem.error.message.contains("before '-3' is not a positive message id"))
                    #expect(problem.error.message.contains("limit '5000'"))
                }
            }
        }
    }
}
