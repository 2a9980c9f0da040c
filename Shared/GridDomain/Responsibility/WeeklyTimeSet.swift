/// A set of minutes of the week (local time, Monday 00:00 to Sunday 24:00): when a time window is
/// open, or which times a gap leaves uncovered.
public struct WeeklyTimeSet: Sendable, Hashable, CustomStringConvertible {
    /// Minutes in a week.
    public static let minutesPerWeek = 7 * 24 * 60

    private var words: [UInt64]

    /// The empty set.
    public static var none: WeeklyTimeSet { WeeklyTimeSet(words: [UInt64](repeating: 0, count: wordCount)) }

    /// The whole week.
    public static var all: WeeklyTimeSet {
        var set = none
        set.insert(0..<minutesPerWeek)
        return set
    }

    private static let wordCount = (minutesPerWeek + 63) / 64

    private init(words: [UInt64]) { self.words = words }

    /// True when the minute of the week (0 = Monday 00:00) is in the set.
    @inline(__always)
    public func contains(minuteOfWeek minute: Int) -> Bool {
        words[minute >> 6] & (1 << UInt64(minute & 63)) != 0
    }

    /// Adds the minutes in `range` (within one week).
    public mutating func insert(_ range: Range<Int>) {
        for minute in range { words[minute >> 6] |= 1 << UInt64(minute & 63) }
    }

    /// True when no minute is in the set.
    public var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    /// True when every minute of the week is in the set.
    public var isFull: Bool { self == .all }

    /// The minutes in either set.
    public func union(_ other: WeeklyTimeSet) -> WeeklyTimeSet {
        WeeklyTimeSet(words: zip(words, other.words).map { $0 | $1 })
    }

    /// The minutes in both sets.
    public func intersection(_ other: WeeklyTimeSet) -> WeeklyTimeSet {
        WeeklyTimeSet(words: zip(words, other.words).map { $0 & $1 })
    }

    /// The minutes not in the set.
    public var complement: WeeklyTimeSet {
        var result = WeeklyTimeSet(words: words.map { ~$0 })
        let used = Self.minutesPerWeek - (Self.wordCount - 1) * 64
        result.words[Self.wordCount - 1] &= used == 64 ? ~0 : (1 << UInt64(used)) - 1
        return result
    }

    /// The set as runs of minutes, e.g. `Mon 22:00–Tue 06:00, Sat 00:00–Mon 00:00`; `all week` or `never`.
    public var description: String {
        if isEmpty { return "never" }
        if isFull { return "all week" }
        var runs: [(start: Int, end: Int)] = []
        var minute = 0
        while minute < Self.minutesPerWeek {
            guard contains(minuteOfWeek: minute) else { minute += 1; continue }
            let start = minute
            while minute < Self.minutesPerWeek && contains(minuteOfWeek: minute) { minute += 1 }
            runs.append((start, minute))
        }
        // A run ending at Sunday 24:00 continues into one starting Monday 00:00.
        if runs.count > 1, runs.last!.end == Self.minutesPerWeek, runs.first!.start == 0 {
            let last = runs.removeLast()
            runs[0] = (last.start, runs[0].end + Self.minutesPerWeek)
        }
        return runs.map { "\(Self.label($0.start))–\(Self.label($0.end))" }.joined(separator: ", ")
    }

    static let dayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    private static func label(_ minute: Int) -> String {
        let m = minute % minutesPerWeek
        let day = m / 1440, hour = (m % 1440) / 60, min = m % 60
        return "\(dayNames[day]) \(hour < 10 ? "0" : "")\(hour):\(min < 10 ? "0" : "")\(min)"
    }
}
