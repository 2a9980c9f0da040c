/// Masks personal data (phone numbers, names, ID numbers) for logs, notifications and exports.
///
/// | input                     | masked               |
/// |---------------------------|----------------------|
/// | `13812345678`             | `138****5678`        |
/// | `+86 138 1234 5678`       | `+86 138****5678`    |
/// | `010-12345678`            | `010-****5678`       |
/// | `张三` / `欧阳娜娜`        | `张*` / `欧***`       |
/// | `110101199003071234`      | `110***********1234` |
///
/// Masking keeps just enough to recognise a record (first digits, last four) and nothing that
/// identifies a person on its own.
public enum Privacy {
    /// Masks a phone number: the first three and last four digits stay, the rest become `*`.
    /// A `+86`/`86`/`0086` country prefix is kept apart; separators (spaces, dashes) inside the
    /// number are dropped, except the dash after a landline area code. Fewer than 7 digits: all but
    /// the last two are masked.
    public static func maskPhone(_ phone: String) -> String {
        let trimmed = phone.trimmingWhitespace()
        var prefix = ""
        var rest = Substring(trimmed)
        for countryCode in ["+86", "0086"] where rest.hasPrefix(countryCode) {
            prefix = countryCode + " "
            rest = rest.dropFirst(countryCode.count)
        }
        if let dash = rest.firstIndex(of: "-"), rest[..<dash].allSatisfy(\.isASCIIDigitCharacter), rest[..<dash].first == "0" {
            // Landline with area code: keep the area code, mask the subscriber number.
            let area = String(rest[..<dash])
            let subscriber = rest[rest.index(after: dash)...].filter(\.isASCIIDigitCharacter)
            return prefix + area + "-" + maskKeeping(first: 0, last: 4, of: String(subscriber))
        }
        let digits = rest.filter(\.isASCIIDigitCharacter)
        guard digits.count >= 7 else { return prefix + maskKeeping(first: 0, last: 2, of: String(digits)) }
        return prefix + maskKeeping(first: 3, last: 4, of: String(digits))
    }

    /// Masks a personal name: the first character stays, every other character becomes `*`
    /// (`张三` → `张*`, `欧阳娜娜` → `欧***`); a one-character name becomes `*`.
    public static func maskName(_ name: String) -> String {
        let characters = Array(name.trimmingWhitespace())
        guard characters.count > 1 else { return characters.isEmpty ? "" : "*" }
        return String(characters[0]) + characters.dropFirst().map { $0.isWhitespace ? " " : "*" }.joined()
    }

    /// Masks a resident ID number (or any identity document number): the first three and last four
    /// characters stay. Shorter than 8 characters: all but the last two are masked.
    public static func maskIDNumber(_ number: String) -> String {
        let compact = String(number.trimmingWhitespace().filter { !$0.isWhitespace })
        guard compact.count >= 8 else { return maskKeeping(first: 0, last: 2, of: compact) }
        return maskKeeping(first: 3, last: 4, of: compact)
    }

    /// Masks a value of the given kind.
    public static func mask(_ value: String, as kind: PersonalData.Kind) -> String {
        switch kind {
        case .phone: maskPhone(value)
        case .name: maskName(value)
        case .idNumber: maskIDNumber(value)
        case .freeText: maskPersonalNumbers(in: value)
        }
    }

    static func maskKeeping(first: Int, last: Int, of text: String) -> String {
        let characters = Array(text)
        guard characters.count > first + last else {
            return String(repeating: "*", count: max(characters.count - last, 0)) + String(characters.suffix(min(last, characters.count)))
        }
        return String(characters.prefix(first)) + String(repeating: "*", count: characters.count - first - last)
            + String(characters.suffix(last))
    }
}

extension Character {
    /// `0`–`9` only (not full-width or other scripts' digits).
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
