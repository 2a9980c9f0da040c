import Foundation
import GridDomain
import Testing

/// Masking of free text and what lifecycle events keep of places and ids.
@Suite("Contract: privacy and places")
struct ContractPrivacyTests {
    @Test("free text keeps its layout with personal numbers and e-mail addresses masked", arguments: [
        ("来电人13812345678反映井盖缺失", "来电人138****5678反映井盖缺失"),
        ("电话 +86 138 1234 5678 联系", "电话 +86 138 **** 5678 联系"),
        ("手机138-1234-5678", "手机138-****-5678"),
        ("座机0571-87654321或010 12345678", "座机0571-****4321或010 ****5678"),
        ("座机057187654321", "座机057*****4321"),
        ("电话87654321", "电话****4321"),
        ("身份证33010219900101123X，另一张330102199001011234", "身份证330***********123X，另一张330***********1234"),
        ("邮箱zhangsan@example.com", "邮箱z*******@example.com"),
        ("网格339901001001001、部件3399010101000123、区划339901", "网格339901001001001、部件3399010101000123、区划339901"),
        ("工单GD-12345-20250312-0042已退回", "工单GD-12345-20250312-0042已退回"),
        ("2025-03-12 09:15 发现 3 处", "2025-03-12 09:15 发现 3 处"),
        ("", ""),
    ])
    func freeText(input: String, masked: String) {
        #expect(Masking.freeText(input) == masked)
        #expect(Masking.freeText(input).count == input.count)
    }

    @Test("a placement reads the levels above the most precise place from its digits")
    func placement() throws {
        let grid = CasePlacementV1(place: try PlaceCode("339901001001001"), areaClass: AreaClass("core"))
        #expect(grid.grid == (try PlaceCode("339901001001001")))
        #expect(grid.community == (try PlaceCode("339901001001")))
        #expect(grid.street == (try PlaceCode("339901001")))
        #expect(grid.district == (try PlaceCode("339901")))
        #expect(grid.areaClass == AreaClass("core"))
        let street = CasePlacementV1(place: try PlaceCode("339901002"), areaClass: nil)
        #expect(street.grid == nil && street.community == nil)
        #expect(street.street == (try PlaceCode("339901002")))
        #expect(street.district == (try PlaceCode("339901")))
        #expect(CasePlacementV1(place: try PlaceCode("339900", level: .city), areaClass: nil) == .unknown)
        #expect(CasePlacementV1(place: nil, areaClass: nil) == .unknown)
    }

    @Test("case ids are written in lower case and read in either case")
    func caseIDText() throws {
        let id = try #require(CaseID("0B6C3F1E-8A4D-4C43-9D1E-2F0E6C1B7A55"))
        #expect(try String(decoding: JSONEncoder().encode([id]), as: UTF8.self) == #"["0b6c3f1e-8a4d-4c43-9d1e-2f0e6c1b7a55"]"#)
        #expect(try JSONDecoder().decode([CaseID].self, from: Data(#"["0B6C3F1E-8A4D-4C43-9D1E-2F0E6C1B7A55"]"#.utf8)) == [id])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CaseID].self, from: Data(#"["case-1"]"#.utf8)) }
    }

    @Test("a confidential reporter shows neither name nor phone, only that a call-back is possible")
    func confidentialReporter() {
        let reporter = Reporter(name: .name("张三"), phone: .phone("13800000000"), accountID: nil, confidential: true)
        let masked = MaskedReporterV1(masking: reporter)
        #expect(masked == MaskedReporterV1(hasPhone: true, confidential: true))
        #expect(masked.replicaReporter.phone != nil)
        #expect(masked.replicaReporter.phone?.unmaskedValue != "13800000000")
        let open = MaskedReporterV1(masking: Reporter(name: .name("张三"), phone: .phone("13800000000")))
        #expect(open == MaskedReporterV1(name: "张*", phone: "138****0000", hasPhone: true, confidential: false))
    }
}
