extension Masking {
    /// Masks phone and ID numbers inside free text (complaint content, addresses, log messages), each
    /// with the same masking as ``phone(_:)`` and ``idNumber(_:)``:
    ///
    /// - mainland mobile numbers: 11 digits starting `13`–`19`, optionally after `86`, also when
    ///   written `138 1234 5678` or `138-1234-5678`;
    /// - landlines written with an area code: `0` + 2–3 digits, `-`, 7–8 digits;
    /// - resident ID numbers: 17 digits and a digit or `X`.
    ///
    /// A number must not touch other digits, so 15-digit grid codes, 16-digit component ids and
    /// other codes are left alone: `"来电人13812345678反映井盖缺失"` → `"来电人138****5678反映井盖缺失"`.
    public static func personalNumbers(in text: String) -> String {
        let characters = Array(text)
        guard characters.contains(where: \.isPlainDigit) else { return text }
        var output = ""
        var index = 0
        while index < characters.count {
            let startsRun = characters[index].isPlainDigit && (index == 0 || !characters[index - 1].isPlainDigit)
            if startsRun,
                let (length, masked) = personalNumber(in: characters, at: index, allowingSeparators: true)
                    ?? personalNumber(in: characters, at: index, allowingSeparators: false)
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

    /// Reads a personal number starting at `start`: its length in characters and its masked form.
    private static func personalNumber(in characters: [Character], at start: Int, allowingSeparators: Bool) -> (Int, String)? {
        var digits = ""
        var end = start
        var sawSeparator = false
        var firstSeparator: Int?
        while end < characters.count {
            let character = characters[end]
            if character.isPlainDigit {
                digits.append(character)
                end += 1
            } else if allowingSeparators, character == " " || character == "-", end > start, end + 1 < characters.count,
                characters[end + 1].isPlainDigit
            {
                sawSeparator = true
                if firstSeparator == nil { firstSeparator = end - start }
                end += 1
            } else {
                break
            }
        }
        if end < characters.count, characters[end].isPlainDigit { return nil }
        let span = String(characters[start..<end])

        if !sawSeparator, digits.count == 17, end < characters.count, characters[end] == "X" || characters[end] == "x" {
            return (end + 1 - start, idNumber(span + String(characters[end])))
        }
        if !sawSeparator, digits.count == 18 {
            return (end - start, idNumber(span))
        }
        var mobile = Substring(digits)
        var countryPrefix = ""
        if mobile.count == 13, mobile.hasPrefix("86") {
            countryPrefix = "86"
            mobile = mobile.dropFirst(2)
        }
        if mobile.count == 11, mobile.first == "1", let second = mobile.dropFirst().first, ("3"..."9").contains(second) {
            let number = countryPrefix.isEmpty ? span : String(span.dropFirst(2))
            return (end - start, countryPrefix + phone(number))
        }
        if let dash = firstSeparator, characters[start + dash] == "-", digits.first == "0", (3...4).contains(dash),
            (7...8).contains(digits.count - dash)
        {
            return (end - start, phone(span))
        }
        return nil
    }
}

extension Character {
    /// `0`–`9` only (not full-width or other scripts' digits).
    fileprivate var isPlainDigit: Bool { isASCII && isNumber }
}
