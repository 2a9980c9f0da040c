import Foundation
import GridDomain
import Testing
import TestSupport

/// The inbound contracts: hotline work orders and sensing alerts, their validation and mapping.
@Suite("Contract: hotline work orders and sensing alerts")
struct ContractWorkOrderTests {
    static func example(_ name: String) throws -> Data {
        try Data(contentsOf: RepositoryFiles.root.appendingPathComponent("docs/contracts/examples/\(name)"))
    }

    static func order(_ json: String) throws -> HotlineWorkOrderV1 {
        try HotlineWorkOrderV1.decode(Data(json.utf8))
    }

    @Test("the example work order decodes, validates and maps to a case report")
    func exampleOrder() throws {
        let order = try HotlineWorkOrderV1.decode(Self.example("hotline-workorder.v1.json"))
        #expect(order.problems() == [])
        let report = try order.caseReport()
        #expect(report.channel == .hotline12345)
        #expect(report.reporter.name?.unmaskedValue == "张三")
        #expect(report.reporter.phone?.unmaskedValue == "13800000000")
        #expect(!report.reporter.confidential)
        #expect(report.reportedAt == ContractJSON.parseTimestamp("2025-03-12T01:15:27Z"))
        #expect(report.location.point == (try CaseLocation.Point(longitude: 120.102, latitude: 30.215)))
        #expect(report.location.place == (try PlaceCode("339901001001")))
        #expect(report.location.address == "临江市江滨区五港镇春桥村村委会东侧路口")
        #expect(report.category == (try CategoryCode("E0102")))
        #expect(report.urgency == .normal)
        #expect(report.details == "【春桥村路口垃圾堆积】来电人反映春桥村村委会东侧路口垃圾堆积两天无人清运，气味很大，请尽快处理。")
        #expect(report.attachments.map(\.absoluteString) == ["https://media.example.org/12345/GD-12345-20250312-0042/1.jpg"])
        #expect(report.externalReference == "GD-12345-20250312-0042")
        #expect(order.requestType == .complaint)
        #expect(order.timeLimit == TimeLimitV1(amount: 5, unit: .workingDays))
    }

    @Test("a work order built in code round-trips through JSON")
    func orderRoundTrip() throws {
        let at = LifecycleFixtures.start
        let order = HotlineWorkOrderV1(
            orderNumber: "GD-12319-0001", channel: .hotline12319, receivedAt: at,
            caller: .init(name: "李四", phone: "0571-87654321", confidential: true), requestType: .assistance,
            content: "井盖缺失", location: InboundLocationV1(placeCode: try PlaceCode("339901")),
            category: try CategoryCode("C0101"), urgency: .urgent,
            assignment: .init(lead: UnitID("D339901-MUNICIPAL"), coUnits: [UnitID("D339901-ENFORCE")]),
            timeLimit: TimeLimitV1(amount: 4, unit: .workingHours), dueAt: at, signedForAt: at,
            handlingRecords: [.init(at: at, unit: UnitID("D339901-MUNICIPAL"), action: "签收", note: "已安排")],
            reply: .init(at: at, unit: UnitID("D339901-MUNICIPAL"), content: "已补装井盖"),
            history: [.init(kind: .extension, at: at, unit: UnitID("D339901-MUNICIPAL"), reason: "等待配件", granted: TimeLimitV1(amount: 1, unit: .workingDays))],
            supervision: [.init(at: at, level: .district, note: "请加快办理")],
            callback: .init(at: at, reached: true, satisfaction: .satisfied, note: "满意"),
            attachments: ["https://media.example.org/1.jpg"], componentId: try ComponentID("3399010101000123"))
        let decoded = try HotlineWorkOrderV1.decode(ContractJSON.encode(order))
        #expect(decoded == order)
        let report = try decoded.caseReport()
        #expect(report.reporter.confidential)
        #expect(report.location.place?.level == .district)
        #expect(report.componentID == (try ComponentID("3399010101000123")))
        #expect(report.details == "井盖缺失")
    }

    @Test("every problem of a bad order is reported at once, in field order")
    func everyProblemAtOnce() throws {
        let order = try Self.order("""
            {"schemaVersion": 2, "channel": "110", "receivedAt": "yesterday",
             "caller": {"name": "王五", "phone": "1381234567"}, "requestType": "praise", "content": "   ",
             "location": {"address": "某路", "point": {"longitude": 120.1, "latitude": 91}, "crs": "gcj02"},
             "category": "X99", "urgency": "asap", "timeLimit": {"amount": 0, "unit": "working_days"},
             "attachments": ["https://media.example.org/1.jpg", "ftp://media.example.org/2.jpg"],
             "handlingRecords": [{"action": "签收"}], "callback": {"at": "2025-03-12T10:00:00+08:00", "reached": "yes"},
             "futureField": {"anything": true}}
            """)
        let error = try #require(throws: ContractValidationError.self) { try order.caseReport() }
        #expect(error.subject == "hotline work order (no order number)")
        #expect(error.fields == [
            "schemaVersion", "orderNumber", "channel", "receivedAt", "caller.phone", "requestType", "content",
            "location.crs", "location.point.latitude", "category", "urgency", "timeLimit.amount", "handlingRecords[0].at",
            "callback.reached", "attachments[1]",
        ])
        let codes = Dictionary(error.problems.map { ($0.field, $0.code) }, uniquingKeysWith: { first, _ in first })
        #expect(codes["schemaVersion"] == .unsupportedVersion)
        #expect(codes["orderNumber"] == .missing)
        #expect(codes["channel"] == .unknownValue)
        #expect(codes["receivedAt"] == .invalidFormat)
        #expect(codes["caller.phone"] == .invalidFormat)
        #expect(codes["requestType"] == .unknownValue)
        #expect(codes["location.point.latitude"] == .outOfRange)
        #expect(codes["callback.reached"] == .wrongType)
        // The message names the allowed values and never shows the phone number in clear.
        #expect(error.description.contains("'praise' is not one of 'consultation', 'assistance', 'complaint', 'suggestion'"))
        #expect(error.description.contains("138***4567"))
        #expect(!error.description.contains("1381234567"))
        #expect(error.description.hasPrefix("hotline work order (no order number) is invalid (15 problems):\n  - schemaVersion"))
    }

    @Test("wrong JSON types are problems of their field, not a failure of the whole order")
    func wrongTypes() throws {
        let order = try Self.order("""
            {"schemaVersion": 1, "orderNumber": 42, "channel": "12345", "receivedAt": "2025-03-12T09:00:00+08:00",
             "requestType": "complaint", "content": ["垃圾"],
             "location": {"point": {"longitude": "120.1", "latitude": 30.2}}, "attachments": "https://a.example/1.jpg"}
            """)
        let problems = order.problems()
        #expect(problems.map(\.field) == ["orderNumber", "content", "location.point.longitude", "attachments"])
        #expect(problems.allSatisfy { $0.code == .wrongType })
    }

    @Test("an address alone cannot be routed; a district code is enough")
    func locationNeedsPointOrPlace() throws {
        let base = """
            {"schemaVersion": 1, "orderNumber": "A-1", "channel": "12345", "receivedAt": "2025-03-12T09:00:00+08:00",
             "requestType": "complaint", "content": "噪音扰民", "location": %@}
            """
        let addressOnly = try Self.order(base.replacingOccurrences(of: "%@", with: #"{"address": "江滨区春桥村"}"#))
        #expect(addressOnly.problems().map(\.field) == ["location"])
        #expect(addressOnly.problems().first?.code == .inconsistent)
        let withDistrict = try Self.order(base.replacingOccurrences(of: "%@", with: #"{"address": "江滨区春桥村", "placeCode": "339901"}"#))
        #expect(withDistrict.problems() == [])
        let missing = try Self.order(base.replacingOccurrences(of: #", "location": %@"#, with: ""))
        #expect(missing.problems().map(\.field) == ["location"])
        #expect(missing.problems().first?.code == .missing)
        let badPlace = try Self.order(base.replacingOccurrences(of: "%@", with: #"{"placeCode": "1234"}"#))
        #expect(badPlace.problems().map(\.field) == ["location.placeCode"])
    }

    @Test("a component id must fit the category; co-units exclude the lead")
    func consistency() throws {
        let order = try Self.order("""
            {"schemaVersion": 1, "orderNumber": "A-2", "channel": "12319", "receivedAt": "2025-03-12T09:00:00Z",
             "requestType": "assistance", "content": "井盖", "location": {"placeCode": "339901001001001"},
             "category": "E0102", "componentId": "3399010101000123",
             "assignment": {"lead": "U-A", "coUnits": ["U-A", "U-B", "U-B"]}}
            """)
        #expect(order.problems().map(\.field) == ["assignment.coUnits", "assignment.coUnits", "componentId"])
    }

    @Test("a value that is not a JSON object is refused with one problem")
    func notAnObject() {
        #expect(throws: ContractValidationError.self) { try HotlineWorkOrderV1.decode(Data("[1,2]".utf8)) }
        #expect(throws: ContractValidationError.self) { try HotlineWorkOrderV1.decode(Data("{\"orderNumber\":".utf8)) }
    }

    @Test("phone numbers GridLoop can call back", arguments: [
        ("13800000000", true), ("+86 138 0000 0000", true), ("8613800000000", true), ("0086-13800000000", true),
        ("0571-87654321", true), ("010 12345678", true), ("87654321", true), ("(0571)87654321", true),
        ("1381234567", false), ("12345", false), ("+86 0571 87654321", false), ("11800000000", false),
        ("1380000000a", false), ("", false), ("12345678", false),
    ])
    func phoneNumbers(text: String, valid: Bool) {
        #expect(PhoneNumberFormat.isValid(text) == valid)
    }

    @Test("the example sensing alert decodes, validates and maps to a sensing report")
    func exampleAlert() throws {
        let alert = try SensingAlertV1.decode(Self.example("sensing-alert.v1.json"))
        #expect(alert.problems() == [])
        let report = try alert.caseReport()
        #expect(report.channel == .sensing)
        #expect(report.reporter.accountID == "CAM-339901001-0007")
        #expect(report.externalReference == "AI-20250312-000731")
        #expect(report.reportedAt == ContractJSON.parseTimestamp("2025-03-12T01:02:03Z"))
        let bad = try SensingAlertV1.decode(Data("""
            {"schemaVersion": 1, "alertId": "A 1", "deviceId": "cam 7", "confidence": 1.5, "location": {}}
            """.utf8))
        #expect(bad.problems().map(\.field) == ["alertId", "deviceId", "observedAt", "confidence", "description", "location"])
    }
}
