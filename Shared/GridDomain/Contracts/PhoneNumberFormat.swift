/// The phone numbers inbound contracts accept for a call-back.
public enum PhoneNumberFormat {
    /// True for a number GridLoop can call back, ignoring spaces, dashes and parentheses:
    ///
    /// - a mainland mobile: `1[3-9]` + 9 digits, optionally after `+86`, `0086` or `86`;
    /// - a landline with area code: `0` + 9–11 digits (`0571-87654321`, `010 12345678`);
    /// - a local landline: 7–8 digits not starting with `0` or `1` (`87654321`).
    public static func isValid(_ text: String) -> Bool {
        var compact = Substring(text.filter { !" -()（）".contains($0) })
        var hadCountryCode = false
        for prefix in ["+86", "0086"] where compact.hasPrefix(prefix) {
            compact = compact.dropFirst(prefix.count)
            hadCountryCode = true
        }
        guard !compact.isEmpty, compact.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        let digits = Array(compact.utf8)
        if digits.count == 13, !hadCountryCode, digits[0] == UInt8(ascii: "8"), digits[1] == UInt8(ascii: "6") {
            return isMobile(Array(digits.dropFirst(2)))
        }
        if isMobile(digits) { return true }
        if hadCountryCode { return false }
        if digits[0] == UInt8(ascii: "0") { return (10...12).contains(digits.count) }
        return (7...8).contains(digits.count) && digits[0] != UInt8(ascii: "1")
    }

    private static func isMobile(_ digits: [UInt8]) -> Bool {
        digits.count == 11 && digits[0] == UInt8(ascii: "1") && (UInt8(ascii: "3")...UInt8(ascii: "9")).contains(digits[1])
    }
}
