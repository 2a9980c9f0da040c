extension Masking {
    /// Free text (a problem description, an address, a note) with the personal numbers and e-mail
    /// addresses in it masked, character for character, so the text keeps its length and layout:
    ///
    /// | found in the text | example | masked |
    /// |---|---|---|
    /// | mainland mobile, optionally `86`/`+86`, with or without spaces or dashes | `138 1234 5678` | `138 **** 5678` |
    /// | landline with area code (`0` + 2–3 digits), with or without a separator | `0571-87654321` | `0571-****4321` |
    /// | local landline, 7–8 digits standing alone | `电话87654321` | `电话****4321` |
    /// | resident ID number, 17 digits and a digit or `X` | `33010219900101123X` | `330***********123X` |
    /// | e-mail address | `zhangsan@example.com` | `z*******@example.com` |
    ///
    /// A number must not touch other digits, so 6-digit division codes, 15-digit grid codes, 16-digit
    /// component ids and case numbers such as `GD-12345-20250312-0042` stay as they are. Names inside
    /// free text cannot be recognised and are not masked.
    public static func freeText(_ text: String) -> String {
        var chars = Array(text)
        maskNumbers(in: &chars)
        maskEmails(in: &chars)
        return String(chars)
    }

    // MARK: numbers

    private static func maskNumbers(in chars: inout [Character]) {
        var index = 0
        while index < chars.count {
            guard chars[index].isPlainDigit, index == 0 || !chars[index - 1].isPlainDigit else {
                index += 1
                continue
            }
            index = maskNumber(startingAt: index, in: &chars)
        }
    }

    /// Masks the number starting at `start` (if it is a personal number) and returns where to go on.
    private static func maskNumber(startingAt start: Int, in chars: inout [Character]) -> Int {
        let groups = digitGroups(from: start, in: chars)
        let last = groups[groups.count - 1]
        let digitPositions = groups.flatMap { Array($0) }
        let digits = String(digitPositions.map { chars[$0] })
        if groups.count > 1, let visible = separatedNumberVisibility(groups: groups, digits: digits, chars: chars) {
            hide(digitPositions, keeping: visible, in: &chars)
            return last.upperBound
        }
        let first = groups[0]
        let run = String(chars[first])
        let after = first.upperBound < chars.count ? chars[first.upperBound] : nil
        let positions = Array(first)
        if run.count == 17, after == "X" || after == "x" {
            let check = first.upperBound
            hide(positions + [check], keeping: Set(positions.prefix(3) + positions.suffix(3) + [check]), in: &chars)
            return first.upperBound + 1
        }
        if run.count == 18 {
            hide(positions, keeping: Set(positions.prefix(3) + positions.suffix(4)), in: &chars)
        } else if let visible = mobileVisibility(run, positions) {
            hide(positions, keeping: visible, in: &chars)
        } else if run.first == "0", (10...12).contains(run.count) {
            hide(positions, keeping: Set(positions.prefix(3) + positions.suffix(4)), in: &chars)
        } else if (7...8).contains(run.count), standsAlone(first, in: chars) {
            hide(positions, keeping: Set(positions.suffix(4)), in: &chars)
        }
        return first.upperBound
    }

    /// Groups of digits from `start`, joined by single spaces or dashes (`138 1234 5678`).
    private static func digitGroups(from start: Int, in chars: [Character]) -> [Range<Int>] {
        var groups: [Range<Int>] = []
        var groupStart = start
        var index = start
        while true {
            while index < chars.count, chars[index].isPlainDigit { index += 1 }
            groups.append(groupStart..<index)
            guard index + 1 < chars.count, chars[index] == " " || chars[index] == "-", chars[index + 1].isPlainDigit else {
                return groups
            }
            index += 1
            groupStart = index
        }
    }

    /// The visible positions of a number written in groups, when it is a mobile or landline number.
    private static func separatedNumberVisibility(groups: [Range<Int>], digits: String, chars: [Character]) -> Set<Int>? {
        let positions = groups.flatMap { Array($0) }
        if let visible = mobileVisibility(digits, positions) { return visible }
        let area = groups[0]
        let subscriber = groups.dropFirst().reduce(0) { $0 + $1.count }
        if chars[area.lowerBound] == "0", (3...4).contains(area.count), (7...8).contains(subscriber) {
            return Set(Array(area) + positions.suffix(4))
        }
        return nil
    }

    /// The visible positions of an 11-digit mainland mobile number (optionally after `86`): the
    /// prefix, the first 3 and the last 4 digits.
    private static func mobileVisibility(_ digits: String, _ positions: [Int]) -> Set<Int>? {
        let bytes = Array(digits.utf8)
        let prefix = bytes.count == 13 && bytes[0] == UInt8(ascii: "8") && bytes[1] == UInt8(ascii: "6") ? 2 : 0
        guard bytes.count - prefix == 11, bytes[prefix] == UInt8(ascii: "1"),
            (UInt8(ascii: "3")...UInt8(ascii: "9")).contains(bytes[prefix + 1])
        else { return nil }
        return Set(positions.prefix(prefix + 3) + positions.suffix(4))
    }

    /// True when neither neighbour of `range` joins it to a code (letters, digits, `-`, `_`, `/`, `.`, `:`).
    private static func standsAlone(_ range: Range<Int>, in chars: [Character]) -> Bool {
        func joins(_ char: Character) -> Bool {
            (char.isASCII && (char.isLetter || char.isNumber)) || "-_/.:".contains(char)
        }
        let before = range.lowerBound > 0 ? chars[range.lowerBound - 1] : nil
        let after = range.upperBound < chars.count ? chars[range.upperBound] : nil
        return !(before.map(joins) ?? false) && !(after.map(joins) ?? false)
    }

    private static func hide(_ positions: [Int], keeping visible: Set<Int>, in chars: inout [Character]) {
        for position in positions where !visible.contains(position) { chars[position] = maskCharacter }
    }

    // MARK: e-mail addresses

    private static func maskEmails(in chars: inout [Character]) {
        for at in chars.indices where chars[at] == "@" {
            var localStart = at
            while localStart > 0, chars[localStart - 1].isEmailLocalCharacter { localStart -= 1 }
            var domainEnd = at + 1
            while domainEnd < chars.count, chars[domainEnd].isEmailDomainCharacter { domainEnd += 1 }
            let domain = chars[(at + 1)..<domainEnd]
            guard localStart < at, domain.contains("."), domain.first != ".", domain.last != "." else { continue }
            for position in (localStart + 1)..<at { chars[position] = maskCharacter }
        }
    }
}

extension Character {
    /// `0`–`9` only.
    fileprivate var isPlainDigit: Bool { isASCII && isNumber }

    fileprivate var isEmailLocalCharacter: Bool {
        isASCII && (isLetter || isNumber || "._%+-".contains(self))
    }

    fileprivate var isEmailDomainCharacter: Bool {
        isASCII && (isLetter || isNumber || ".-".contains(self))
    }
}
