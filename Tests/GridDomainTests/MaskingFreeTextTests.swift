import GridDomain
import Testing

@Suite("Masking personal numbers in free text")
struct MaskingFreeTextTests {
    @Test func mobileNumbersInText() {
        #expect(Masking.freeText("来电人13812345678反映井盖缺失") == "来电人138****5678反映井盖缺失")
        #expect(Masking.freeText("请回电 138 1234 5678 或 010-12345678。") == "请回电 138 **** 5678 或 010-****5678。")
        #expect(Masking.freeText("电话8613912345678") == "电话86139****5678")
        #expect(Masking.freeText("第3 13812345678") == "第3 138****5678")
    }

    @Test func idNumbersInText() {
        #expect(Masking.freeText("身份证11010119900307123X，") == "身份证110***********123X，")
        #expect(Masking.freeText("证件110101199003071234") == "证件110***********1234")
    }

    @Test func codesDatesAndCountsStay() {
        let untouched = "网格330102001002003 部件3301020101000123 于2025-03-01 上报3次"
        #expect(Masking.freeText(untouched) == untouched)
        #expect(Masking.freeText("no digits here") == "no digits here")
    }

    @Test func freeTextPersonalDataMasksNumbersOnly() {
        let content = PersonalData("张三说13812345678", kind: .freeText)
        #expect("\(content)" == "张三说138****5678")
    }
}
