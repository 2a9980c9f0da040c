/// A month and day without a year (`06-01`), marking where a working-hours season starts or ends.
public struct MonthDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The month, 1–12.
    public let month: Int
    /// The day, 1–31 (29 for February).
    public let day: Int

    /// A month-day, or `nil` when it does not exist in a leap year.
    public init?(month: Int, day: Int) {
        guard (1...12).contains(month), (1...CivilDate.daysInMonth(year: 2000, month: month)).contains(day) else { return nil }
        self.month = month
        self.day = day
    }

    /// Parses `MM-DD`; `nil` when malformed.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }),
            let month = Int(parts[0]), let day = Int(parts[1])
        else { return nil }
        self.init(month: month, day: day)
    }

    /// The month-day of a date.
    public init(_ date: CivilDate) {
        self.month = date.month
        self.day = date.day
    }

    /// `06-01`.
    public var description: String {
        (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
    }

    /// Order within a year.
    public static func < (lhs: MonthDay, rhs: MonthDay) -> Bool { (lhs.month, lhs.day) < (rhs.month, rhs.day) }

    /// Decodes `MM-DD`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = MonthDay(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not an MM-DD date"))
        }
        self = value
    }

    /// Encodes `MM-DD`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
