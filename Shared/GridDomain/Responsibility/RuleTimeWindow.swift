/// When a 权责清单 rule applies within the week, in local time: e.g. nights, weekends.
///
/// Written as one or more alternatives separated by `|`; each alternative is an optional set of days
/// and an optional time range:
///
/// - `22:00-06:00` — every night from 22:00 to 06:00 the next morning;
/// - `Sat-Sun` (or `Sat,Sun`, `weekend`, `周末`, `周六-周日`) — all of Saturday and Sunday;
/// - `Mon-Fri 18:00-08:00 | Sat-Sun` — weekday evenings and nights, and whole weekends.
///
/// Days are `Mon`…`Sun` (full English names and 周一…周日/星期一…星期日 work too) or ranges of them
/// (`Fri-Mon` wraps); `weekdays` means Monday–Friday by the calendar, not working days. A time range
/// `HH:MM-HH:MM` includes its start and excludes its end; `24:00` may end a range; when the end is not
/// after the start the range runs overnight and belongs to the day it starts on (`Fri 22:00-06:00`
/// covers Saturday 03:00).
public struct RuleTimeWindow: Sendable, Hashable, CustomStringConvertible {
    /// The window as written.
    public let text: String
    /// The minutes of the week the window covers.
    public let minutes: WeeklyTimeSet

    /// Parses a window (see the type's documentation).
    public init(parsing text: String) throws(RuleSyntaxError) {
        var minutes = WeeklyTimeSet.none
        for alternative in text.split(separator: "|") {
            let tokens = alternative.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard !tokens.isEmpty else { throw RuleSyntaxError("window '\(text)' has an empty alternative") }
            var days: [Int]? = nil
            var range: (start: Int, end: Int)? = nil
            for token in tokens {
                let part = String(token)
                if part.contains(":") || part.contains("：") {
                    guard range == nil else { throw RuleSyntaxError("window '\(text)': two time ranges in one alternative; separate alternatives with |") }
                    range = try Self.parseTimeRange(part, in: text)
                } else {
                    guard days == nil else { throw RuleSyntaxError("window '\(text)': two day lists in one alternative; separate days with commas") }
                    days = try Self.parseDays(part, in: text)
                }
            }
            let (start, end) = range ?? (0, 1440)
            for day in days ?? Array(0..<7) {
                let base = day * 1440
                if start < end {
                    minutes.insert((base + start)..<(base + end))
                } else {
                    minutes.insert((base + start)..<(base + 1440))
                    let next = ((day + 1) % 7) * 1440
                    minutes.insert(next..<(next + end))
                }
            }
        }
        guard !minutes.isEmpty else { throw RuleSyntaxError("window '\(text)' covers no time") }
        self.text = text.trimmingSpaces()
        self.minutes = minutes
    }

    /// True when the window is open at the minute of the week (0 = Monday 00:00, local time).
    public func contains(minuteOfWeek: Int) -> Bool { minutes.contains(minuteOfWeek: minuteOfWeek) }

    /// The window as written.
    public var description: String { text }

    private static func parseTimeRange(_ part: String, in text: String) throws(RuleSyntaxError) -> (Int, Int) {
        let normalized = part.withASCIIColons()
        let pieces = normalized.split(whereSeparator: { $0 == "-" || $0 == "~" || $0 == "–" })
        guard pieces.count == 2, let start = minuteOfDay(pieces[0]), let end = minuteOfDay(pieces[1]),
              start < 1440 else {
            throw RuleSyntaxError("window '\(text)': '\(part)' is not a time range like 22:00-06:00")
        }
        guard start != end else {
            throw RuleSyntaxError("window '\(text)': '\(part)' starts and ends at the same time; write 00:00-24:00 for a whole day")
        }
        return (start, end)
    }

    private static func minuteOfDay(_ text: Substring) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0...59).contains(minute),
              (0...23).contains(hour) || (hour == 24 && minute == 0) else { return nil }
        return hour * 60 + minute
    }

    private static func parseDays(_ part: String, in text: String) throws(RuleSyntaxError) -> [Int] {
        var days: [Int] = []
        for item in part.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" }) {
            let lower = item.lowercased()
            if lower == "weekend" || lower == "weekends" || lower == "周末" { days += [5, 6]; continue }
            if lower == "weekdays" { days += [0, 1, 2, 3, 4]; continue }
            let ends = lower.split(whereSeparator: { $0 == "-" || $0 == "~" || $0 == "–" || $0 == "至" })
            guard (1...2).contains(ends.count), let first = dayIndex(ends[0]), let last = dayIndex(ends[ends.count - 1]) else {
                throw RuleSyntaxError("window '\(text)': '\(item)' is not a day or day range like Mon-Fri")
            }
            var day = first
            while true {
                days.append(day)
                if day == last { break }
                day = (day + 1) % 7
            }
        }
        guard !days.isEmpty else { throw RuleSyntaxError("window '\(text)': empty day list") }
        return days
    }

    private static func dayIndex(_ text: Substring) -> Int? {
        let names: [[String]] = [
            ["mon", "monday", "周一", "星期一"], ["tue", "tuesday", "周二", "星期二"],
            ["wed", "wednesday", "周三", "星期三"], ["thu", "thursday", "周四", "星期四"],
            ["fri", "friday", "周五", "星期五"], ["sat", "saturday", "周六", "星期六"],
            ["sun", "sunday", "周日", "星期日", "周天", "星期天"],
        ]
        return names.firstIndex { $0.contains(String(text)) }
    }
}

extension String {
    /// The text with full-width colons (：) made ASCII, for times typed with a Chinese input method.
    fileprivate func withASCIIColons() -> String { String(map { $0 == "：" ? ":" : $0 }) }
}
