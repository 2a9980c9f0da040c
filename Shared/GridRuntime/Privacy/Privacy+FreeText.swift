extension Privacy {
    /// Masks phone and ID numbers inside free text (complaint content, addresses, log messages):
    ///
    /// - mainland mobile numbers: 11 digits starting `13`–`19`, optionally after `+86`/`86`, also when
    ///   written `138 1234 5678` or `138-1234-5678`;
    /// - landlines written with an area code: `0` + 2–3 digits, `-`, 7–8 digits;
    /// - resident ID numbers: 17 digits and a digit or `X`.
    ///
    /// A number must not touch other digits, so 15-digit grid codes, 16-digit component ids and
    /// other codes are left alone.
    ///
    /// `"来电人13812345678反映井盖缺失"` → `"来电人138****5678反映井盖缺失"`.
    public static func maskPersonalNumbers(in text: String) -> String {
        let characters = Array(text)
        guard characters.contains(where: \.isASCIIDigitCharacter) else { return text }
        var output = ""
        var index = 0
        while index < characters.count {
            let startsRun = characters[index].isASCIIDigitCharacter
                && (index == 0 || !characters[index - 1].isASCIIDigitCharacter)
            if startsRun,
                let (length, masked) = matchPersonalNumber(characters, at: index, allowingSeparators: true)
                    ?? matchPersonalNumber(characters, at: index, allowingSeparators: false)
            {
                output += masked
                index += length
            } else {
                output.append(characters[index])
                index += 1
            }
        }
        return output
    }

    /// Tries to read a personal number starting at `start`; returns its length and masked form.
    private static func matchPersonalNumber(_ characters: [Character], at start: Int, allowingSeparators: Bool) -> (Int, String)? {
        // Collect digits with single space/dash separators between groups.
        var digits = ""
        var end = start
        var sawSeparator = false
        var firstSeparator: Int?
        while end < characters.count {
            let character = characters[end]
            if character.isASCIIDigitCharacter {
                digits.append(character)
                end += 1
            } else if allowingSeparators, character == " " || character == "-", end + 1 < characters.count,
                characters[end + 1].isASCIIDigitCharacter, end > start
            {
                sawSeparator = true
                if firstSeparator == nil { firstSeparator = end - start }
                end += 1
            } else {
                break
            }
        }
        let touchesDigitAfter = end < characters.count && characters[end].isASCIIDigitCharacter
        guard !touchesDigitAfter else { return nil }
        let upper = end < characters.count ? characters[end] : nil

        // ID number: 17 digits then X (no separators).
        if !sawSeparator, digits.count == 17, upper == "X" || upper == "x" {
            return (end + 1 - start, maskIDNumber(digits + "X"))
        }
        if !sawSeparator, digits.count == 18 {
            return (end - start, maskIDNumber(digits))
        }
        // Mobile: 11 digits 1[3-9]…, optionally with 86 in front.
        var mobile = digits
        var countryPrefix = ""
        if mobile.count == 13, mobile.hasPrefix("86") {
            countryPrefix = "86"
            mobile.removeFirst(2)
        }
        if mobile.count == 11, mobile.first == "1", let second = mobile.dropFirst().first, ("3"..."9").contains(second) {
            return (end - start, countryPrefix + maskKeeping(first: 3, last: 4, of: mobile))
        }
        // Landline: 0 + 2–3 digit area code, dash, 7–8 digits.
        if let dash = firstSeparator, characters[start + dash] == "-", digits.first == "0", (3...4).contains(dash) {
            let subscriber = String(digits.dropFirst(dash))
            if (7...8).contains(subscriber.count) {
                return (end - start, String(digits.prefix(dash)) + "-" + maskKeeping(first: 0, last: 4, of: subscriber))
            }
        }
        return nil
    }
}
