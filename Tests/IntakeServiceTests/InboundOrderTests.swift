import Foundation
import GridDomain
import GridRuntime
import PostgresNIO
import TestSupport
import Testing

@testable import IntakeService

@Suite("Hotline work orders and sensing alerts")
struct InboundOrderTests {
    static let topic = ContractTopic.hotlineWorkOrders

    static func order(
        number: String, point: (Double, Double)? = (120.102, 30.215), phone: String = "13800000000", category: String = "E0102"
    ) -> [UInt8] {
        var location: [String: Any] = ["address": "临江市江滨区五港镇春桥村村委会东侧路口"]
        if let point { location["point"] = ["longitude": point.0, "latitude": point.1] }
        let object: [String: Any] = [
            "schemaVersion": 1, "orderNumber": number, "channel": "12345", "receivedAt": "2025-03-12T09:15:27+08:00",
            "caller": ["name": "张三", "phone": phone], "requestType": "complaint", "content": "垃圾堆积两天无人清运",
            "location": location, "category": category,
        ]
        return Array(try! JSONSerialization.data(withJSONObject: object))
    }

    static func message(_ value: [UInt8], offset: Int64) -> IncomingMessage {
        IncomingMessage(topic: topic, partition: 0, offset: offset, key: nil, headers: [], value: value)
    }

    static func consume(_ fixture: IntakeFixture, _ messages: [IncomingMessage]) async throws {
        let reports = messages.map { InboundReport.hotlineOrder($0, catalog: fixture.city.reference.catalog) }
        try await fixture.desk.outbox.withTransaction(on: fixture.database.client, logger: fixture.database.logger) { transaction in
            try await fixture.desk.openInbound(reports, in: transaction)
        }
    }

    @Test func aValidOrderOpensAHotlineCaseFiledAtOnceAndKeepsTheRawOrder() async throws {
        try await IntakeFixture.with { fixture in
            let example = try Data(
                contentsOf: URL(fileURLWithPath: IntakeFixture.cityDirectory + "/../../docs/contracts/examples/hotline-workorder.v1.json"))
            try await Self.consume(fixture, [Self.message(Array(example), offset: 7)])
            let rows = try await fixture.database.client.query(
                """
                SELECT o.order_number, o.request_type, o.raw, o.kafka_offset, c.state, c.channel, c.grid, r.phone
                FROM hotline_orders o JOIN cases c ON c.id = o.case_id JOIN reporters r ON r.case_id = c.id
                """,
                logger: fixture.database.logger)
            var found = 0
            for try await (number, type, raw, offset, state, channel, grid, phone) in rows.decode(
                (String, String, ByteBuffer, Int, String, String, String?, String?).self)
            {
                found += 1
                #expect(number == "GD-12345-20250312-0042")
                #expect(type == "complaint")
                #expect(Array(buffer: raw) == Array(example))
                #expect(offset == 7)
                #expect(state == "filed")  // E0102 needs no verification in the sample city's catalog
                #expect(channel == "12345")
                #expect(grid != nil)
                #expect(phone == "13800000000")
            }
            #expect(found == 1)
            #expect(try await fixture.outbox().map(\.type) == ["gridloop.case.reported.v1", "gridloop.case.filed.v1"])
        }
    }

    @Test func anOrderWhoseCategoryNeedsVerificationIsSentToVerification() async throws {
        try await IntakeFixture.with { fixture in
            try await Self.consume(fixture, [Self.message(Self.order(number: "GD-7", category: "E0101"), offset: 1)])
            #expect(try await fixture.outbox().map(\.type) == ["gridloop.case.reported.v1", "gridloop.case.verification-requested.v1"])
        }
    }

    @Test func anOrderSentAgainIsIgnored() async throws {
        try await IntakeFixture.with { fixture in
            try await Self.consume(fixture, [Self.message(Self.order(number: "GD-1"), offset: 1)])
            try await Self.consume(fixture, [Self.message(Self.order(number: "GD-1"), offset: 2), Self.message(Self.order(number: "GD-2"), offset: 3)])
            let rows = try await fixture.database.client.query("SELECT count(*) FROM cases", logger: fixture.database.logger)
            for try await count in rows.decode(Int.self) { #expect(count == 2) }
            #expect(try await fixture.outbox().count == 4)
        }
    }

    @Test func invalidOrdersAreRefusedWithEveryProblemAndOutsideOnesWithTheLocation() async throws {
        try await IntakeFixture.with { fixture in
            let bad = Array(#"{"schemaVersion":1,"channel":"12345","receivedAt":"2025-03-12T09:15:27+08:00","caller":{"phone":"12"},"requestType":"praise","content":"x","location":{"point":{"longitude":120.1,"latitude":91}}}"#.utf8)
            do {
                try await Self.consume(fixture, [Self.message(bad, offset: 1)])
                Issue.record("expected a refusal")
            } catch {
                let root = (error as? PostgresTransactionError)?.closureError ?? error
                let invalid = try #require(root as? ContractValidationError)
                #expect(invalid.fields == ["orderNumber", "caller.phone", "requestType", "location.point.latitude"])
                #expect(root is any PermanentFailure)
            }
            do {
                try await Self.consume(fixture, [Self.message(Self.order(number: "GD-9", point: (121.47, 31.23)), offset: 2)])
                Issue.record("expected a refusal")
            } catch {
                let root = (error as? PostgresTransactionError)?.closureError ?? error
                #expect((root as? LocationError)?.code == .outsideCity)
                #expect(root is any PermanentFailure)
            }
            #expect(try await fixture.outbox().isEmpty)
        }
    }

    @Test func aSensingAlertOpensACaseBySystem() async throws {
        try await IntakeFixture.with { fixture in
            let alert = Array(
                #"{"schemaVersion":1,"alertId":"A-77","deviceId":"cam-12","observedAt":"2025-03-12T09:15:27+08:00","description":"占道经营","location":{"point":{"longitude":120.102,"latitude":30.215}},"category":"E0102","confidence":0.93}"#.utf8)
            let report = InboundReport.sensingAlert(
                IncomingMessage(topic: ContractTopic.sensingAlerts, partition: 1, offset: 5, key: nil, headers: [], value: alert),
                catalog: fixture.city.reference.catalog)
            #expect(report.inboxKey == InboxKey(source: ContractTopic.sensingAlerts, id: "A-77"))
            try await fixture.desk.outbox.withTransaction(on: fixture.database.client, logger: fixture.database.logger) { transaction in
                try await fixture.desk.openInbound([report], in: transaction)
            }
            let rows = try await fixture.database.client.query(
                "SELECT a.device_id, c.state, c.channel FROM sensing_alerts a JOIN cases c ON c.id = a.case_id", logger: fixture.database.logger)
            var found = 0
            for try await (device, state, channel) in rows.decode((String, String, String).self) {
                found += 1
                #expect(device == "cam-12")
                #expect(state == "verifying")
                #expect(channel == "sensing")
            }
            #expect(found == 1)
        }
    }
}
