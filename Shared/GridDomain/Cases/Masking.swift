/// Masking helpers for personal data in logs, notifications, exports and public views
/// (个人信息去标识化展示), e.g. a phone number as `138****5678` and a name as `张*`.
///
/// Every helper is total: any input, even malformed, comes back masked, never in clear.
public enum Masking {
    /// The character that replaces hidden characters.
    public static let maskCharacter: Character = "*"

    /// A phone number with only the first 3 and last 4 digits of the national number visible:
    /// `13812345678` → `138****5678`, `+86 138 1234 5678` → `+86 138 **** 5678`.
    ///
    /// A landline's area code stays visible when a separator follows it: `0571-87654321` → `0571-****4321`.
    /// Numbers with fewer than 7 digits keep only their last 2 digits. Separators stay in place.
    public static func phone(_ text: String) -> String {
        var chars = Array(text.trimmingCharacters())
        var start = 0
        // Keep an international prefix for China visible.
        for prefix in ["+86", "0086"] where chars.starts(with: prefix) {
            start = prefix.count
            break
        }
        while start < chars.count, !chars[start].isASCIIDigit { start += 1 }
        let digitPositions = chars.indices.filter { $0 >= start && chars[$0].isASCIIDigit }
        guard !digitPositions.isEmpty else { return String(chars) }

        var visible = Set<Int>()
        if digitPositions.count >= 7 {
            let areaCode = landlineAreaCode(chars, digitPositions)
            visible.formUnion(areaCode ?? Array(digitPositions.prefix(3)))
            visible.formUnion(digitPositions.suffix(4))
        } else {
            visible.formUnion(digitPositions.suffix(2))
        }
        for position in digitPositions where !visible.contains(position) {
            chars[position] = maskCharacter
        }
        return String(chars)
    }

    /// A person's name with only its first character visible: `张三` → `张*`, `欧阳娜娜` → `欧***`,
    /// `John Smith` → `J*** *****`. A one-character name becomes `*`.
    public static func name(_ text: String) -> String {
        let chars = Array(text.trimmingCharacters())
        guard chars.count > 1 else { return chars.isEmpty ? "" : String(maskCharacter) }
        return String(chars.enumerated().map { index, char in index == 0 || char == " " ? char : maskCharacter })
    }

    /// An identity-document number (身份证号 and similar) with the first 3 and last 4 characters visible:
    /// `33010219900101123X` → `330***********123X`. Shorter numbers (under 8 characters) keep only the last one.
    public static func idNumber(_ text: String) -> String {
        let chars = Array(text.trimmingCharacters())
        guard chars.count >= 8 else { return keepingLast(1, of: chars) }
        return String(chars.prefix(3)) + String(repeating: maskCharacter, count: chars.count - 7) + String(chars.suffix(4))
    }

    /// An e-mail address with only the first character of the local part and the domain visible:
    /// `zhangsan@example.com` → `z***@example.com`.
    public static func email(_ text: String) -> String {
        let trimmed = text.trimmingCharacters()
        guard let at = trimmed.lastIndex(of: "@"), at > trimmed.startIndex else { return redacted(trimmed) }
        return String(trimmed[trimmed.startIndex]) + "***" + trimmed[at...]
    }

    /// A street address cut after its first 6 characters (typically city and district):
    /// `临江市江南区滨江路88号3幢502室` → `临江市江南区****`.
    public static func address(_ text: String) -> String {
        let chars = Array(text.trimmingCharacters())
        guard chars.count > 6 else { return redacted(String(chars)) }
        return String(chars.prefix(6)) + "****"
    }

    /// Any other personal text, fully hidden: `***` (an empty string stays empty).
    public static func redacted(_ text: String) -> String {
        text.isEmpty ? "" : "***"
    }

    private static func keepingLast(_ count: Int, of chars: [Character]) -> String {
        String(repeating: maskCharacter, count: max(0, chars.count - count)) + String(chars.suffix(count))
    }

    /// The positions of a landline area code (`0` + 2–3 digits) when a separator follows it.
    private static func landlineAreaCode(_ chars: [Character], _ digitPositions: [Int]) -> [Int]? {
        guard chars[digitPositions[0]] == "0" else { return nil }
        for length in [3, 4] where digitPositions.count > length {
            let last = digitPositions[length - 1]
            let contiguous = last - digitPositions[0] == length - 1
            if contiguous, last + 1 < chars.count, !chars[last + 1].isASCIIDigit {
                return Array(digitPositions.prefix(length))
            }
        }
        return nil
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    /// The string without leading and trailing white space (spaces, tabs, newlines, ideographic space).
    fileprivate func trimmingCharacters() -> String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
