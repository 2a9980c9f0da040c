import Testing

@testable import GridRuntime

@Suite("Privacy")
struct PrivacyTests {
    @Test(arguments: [
        ("13812345678", "138****5678"),
        ("+86 138 1234 5678", "+86 138****5678"),
        ("138-1234-5678", "138****5678"),
        ("010-12345678", "010-****5678"),
        ("0571-8765432", "0571-***5432"),
        ("12345", "***45"),
    ])
    func phoneNumbers(input: String, masked: String) {
        #expect(Privacy.maskPhone(input) == masked)
    }

    @Test(arguments: [("张三", "张*"), ("欧阳娜娜", "欧***"), ("李", "*"), ("John Smith", "J*** *****"), ("", "")])
    func names(input: String, masked: String) {
        #expect(Privacy.maskName(input) == masked)
    }

    @Test func idNumbers() {
        #expect(Privacy.maskIDNumber("11010119900307123X") == "110***********123X")
        #expect(Privacy.maskIDNumber("110101199003071234") == "110***********1234")
    }

    @Test func freeTextMasksPhoneAndIDNumbersButNotCodes() {
        #expect(Privacy.maskPersonalNumbers(in: "来电人13812345678反映井盖缺失") == "来电人138****5678反映井盖缺失")
        #expect(Privacy.maskPersonalNumbers(in: "请回电 138 1234 5678 或 010-12345678。") == "请回电 138****5678 或 010-****5678。")
        #expect(Privacy.maskPersonalNumbers(in: "身份证11010119900307123X，电话8613912345678") == "身份证110***********123X，电话86139****5678")
        // Grid codes (15 digits), component ids (16), dates and counts stay.
        let untouched = "网格330102001002003 部件3301020101000123 于2025-03-01 上报3次"
        #expect(Privacy.maskPersonalNumbers(in: untouched) == untouched)
        // A number next to a count is still found.
        #expect(Privacy.maskPersonalNumbers(in: "第3 13812345678") == "第3 138****5678")
    }

    @Test func personalDataDescribesItselfMasked() {
        let phone = PersonalData("13812345678", kind: .phone)
        #expect("\(phone)" == "138****5678")
        #expect(PersonalData("王小明", kind: .name).masked == "王**")
    }
}
