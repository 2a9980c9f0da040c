import Foundation
import GridDomain
import Testing

/// The case model: masking of personal data, component ids, case numbers, locations and reports.
@Suite("Case model")
struct CaseModelTests {
    @Test("phone numbers keep the first 3 and last 4 digits", arguments: [
        ("13812345678", "138****5678"),
        ("+86 138 1234 5678", "+86 138 **** 5678"),
        ("+8613812345678", "+86138****5678"),
        ("0571-87654321", "0571-****4321"),
        ("010-12345678", "010-****5678"),
        ("12345", "***45"),
        (" 13812345678 ", "138****5678"),
        ("", ""),
    ])
    func phoneMasking(input: String, masked: String) {
        #expect(Masking.phone(input) == masked)
    }

    @Test("names keep the first character", arguments: [
        ("张三", "张*"), ("张三丰", "张**"), ("欧阳娜娜", "欧***"), ("张", "*"), ("John Smith", "J*** *****"), ("", ""),
    ])
    func nameMasking(input: String, masked: String) {
        #expect(Masking.name(input) == masked)
    }

    @Test("ID numbers, e-mail addresses and addresses are masked")
    func otherMasking() {
        #expect(Masking.idNumber("33010219900101123X") == "330***********123X")
        #expect(Masking.idNumber("A12345") == "*****5")
        #expect(Masking.email("zhangsan@example.com") == "z***@example.com")
        #expect(Masking.email("not-an-email") == "***")
        #expect(Masking.address("临江市江南区滨江路88号3幢502室") == "临江市江南区****")
        #expect(Masking.redacted("秘密") == "***")
    }

    @Test("personal data never prints in clear")
    func personalDataPrinting() throws {
        let phone = PersonalData.phone("13812345678")
        let name = PersonalData.name("张三")
        #expect("\(phone)" == "138****5678")
        #expect(String(describing: name) == "张*")
        #expect(String(reflecting: phone) == "PersonalData(phone: 138****5678)")
        var dumped = ""
        dump(phone, to: &dumped)
        #expect(!dumped.contains("13812345678"))
        #expect(dumped.contains("138****5678"))
        let reporter = Reporter(name: name, phone: phone, accountID: "c-42")
        #expect(reporter.description == "Reporter(name: 张*, phone: 138****5678, account: c-42)")
        var reporterDump = ""
        dump(reporter, to: &reporterDump)
        #expect(!reporterDump.contains("13812345678"))
        #expect(!reporterDump.contains("张三"))
        #expect(Reporter.anonymous.isAnonymous)
        #expect(Reporter.anonymous.description == "Reporter(anonymous)")
    }

    @Test("personal data keeps its clear value for storage")
    func personalDataStorage() throws {
        let phone = PersonalData.phone("13812345678")
        #expect(phone.unmaskedValue == "13812345678")
        let json = try JSONEncoder().encode(phone)
        #expect(try JSONDecoder().decode(PersonalData.self, from: json) == phone)
        #expect(String(decoding: json, as: UTF8.self).contains("\"kind\":\"phone\""))
    }

    @Test("16-digit component ids: division, 大类, 小类, serial")
    func componentIDs() throws {
        let id = try ComponentID("3399010101000123")
        #expect(id.divisionCode == "339901")
        #expect(id.category == (try CategoryCode("C0101")))
        #expect(id.serial == "000123")
        #expect(try ComponentID("3399010102000001").category.description == "C0102")
    }

    @Test("malformed component ids are refused with the reason", arguments: [
        ("339901010100012", "expected 16 digits"),
        ("33990101010001234", "expected 16 digits"),
        ("33990101010001X3", "expected 16 digits"),
        ("3300000101000123", "not a city or district division code"),
        ("0099010101000123", "not a city or district division code"),
        ("3399010001000123", "大类 00"),
        ("3399010100000123", "小类 00"),
        ("3399010101000000", "serial number 000000"),
    ])
    func badComponentIDs(text: String, reason: String) {
        let error = #expect(throws: DomainCodeError.self) { try ComponentID(text) }
        #expect(error?.kind == .component)
        #expect(error?.reason.contains(reason) == true, "\(String(describing: error))")
    }

    @Test("case numbers are short printable tokens")
    func caseNumbers() throws {
        #expect(try CaseNumber("LJ2025031200123").description == "LJ2025031200123")
        #expect(try CaseNumber("GD-12345/2025_0042").rawValue == "GD-12345/2025_0042")
        #expect(throws: CaseDataError.self) { try CaseNumber("") }
        #expect(throws: CaseDataError.self) { try CaseNumber("LJ 2025") }
        #expect(throws: CaseDataError.self) { try CaseNumber("案件123") }
        #expect(throws: CaseDataError.self) { try CaseNumber(String(repeating: "9", count: 41)) }
        #expect(CaseID("not a uuid") == nil)
        let id = CaseID()
        #expect(CaseID(id.description) == id)
    }

    @Test("a location needs a point or a place; points are range-checked")
    func locations() throws {
        let grid = try PlaceCode("339901001001001")
        #expect(try CaseLocation(place: grid).grid == grid)
        #expect(try CaseLocation(place: PlaceCode("339901001")).grid == nil)
        let point = try CaseLocation.Point(longitude: 120.2, latitude: 30.3)
        #expect(try CaseLocation(point: point, address: "滨江路").point == point)
        #expect(throws: CaseDataError.self) { try CaseLocation(address: "滨江路") }
        #expect(throws: CaseDataError.self) { try CaseLocation.Point(longitude: 181, latitude: 30) }
        #expect(throws: CaseDataError.self) { try CaseLocation.Point(longitude: 120, latitude: .nan) }
        let decoded = try JSONDecoder().decode(CaseLocation.Point.self, from: Data(#"{"lon":120.2,"lat":30.3}"#.utf8))
        #expect(decoded == point)
        #expect(throws: (any Error).self) {
            try JSONDecoder().decode(CaseLocation.Point.self, from: Data(#"{"lon":120.2,"lat":95}"#.utf8))
        }
    }

    @Test("reports check attachments, length and component ids against the category")
    func reports() throws {
        let location = try CaseLocation(place: PlaceCode("339901001001001"))
        let now = Date(timeIntervalSince1970: 1_740_961_800)
        func report(category: String?, component: String?, attachments: [String] = [], details: String = "井盖缺失") throws -> CaseReport {
            try CaseReport(
                channel: .supervisor, reporter: .anonymous, reportedAt: now, location: location,
                category: try category.map { try CategoryCode($0) }, details: details,
                attachments: attachments.map { URL(string: $0)! }, componentID: try component.map { try ComponentID($0) })
        }
        #expect(try report(category: "C0101", component: "3399010101000123").componentID?.serial == "000123")
        #expect(try report(category: "C01", component: "3399010101000123").category?.description == "C01")
        #expect(try report(category: nil, component: "3399010101000123").category == nil)
        let mismatch = #expect(throws: CaseDataError.self) { try report(category: "C0102", component: "3399010101000123") }
        #expect(mismatch?.reason.contains("class C0101, which is not C0102") == true)
        #expect(throws: CaseDataError.self) { try report(category: "C02", component: "3399010101000123") }
        #expect(throws: CaseDataError.self) { try report(category: "E0102", component: "3399010101000123") }
        #expect(try report(category: "E0102", component: nil, attachments: ["https://media.example/a.jpg"]).attachments.count == 1)
        let ftp = #expect(throws: CaseDataError.self) {
            try report(category: "E0102", component: nil, attachments: ["ftp://media.example/a.jpg"])
        }
        #expect(ftp?.field == "attachment")
        #expect(throws: CaseDataError.self) { try report(category: nil, component: nil, details: String(repeating: "字", count: 4001)) }
    }

    @Test("a report survives a JSON round trip")
    func reportRoundTrip() throws {
        let report = LifecycleFixtures.report(componentID: nil)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let decoded = try decoder.decode(CaseReport.self, from: encoder.encode(report))
        #expect(decoded == report)
        let opened = LifecycleFixtures.opened(report)
        let closed = try LifecycleFixtures.applying(LifecycleFixtures.path(to: .closed), to: opened)
        #expect(try decoder.decode(Case.self, from: encoder.encode(closed)) == closed)
    }
}
