import Foundation
import GridDomain

/// Times intake writes into events: whole milliseconds (the contracts' precision) that survive the
/// contracts' RFC 3339 round trip unchanged, so intake's own copy of a case, its stored copy and the
/// replicas other services parse from the events hold identical times.
///
/// The contracts' formatter (`RFC3339Timestamp`) rounds to the millisecond and its parser yields the
/// double nearest each millisecond, so every whole millisecond is a fixed point of parse ∘ format and
/// ``stable(_:)`` returns the date's millisecond itself. (It keeps searching forward for a fixed point,
/// as it had to when Foundation's truncating formatter was used: there, for about half of all
/// millisecond values, `format(parse(s)) != s`, and a naive value drifted by a millisecond per
/// store-and-load.)
enum Timestamps {
    /// Now, as a stable millisecond.
    static func now() -> Date { stable(Date()) }

    /// The first millisecond value at or after `date`'s millisecond whose RFC 3339 form parses back
    /// to exactly itself.
    static func stable(_ date: Date) -> Date {
        var milliseconds = (date.timeIntervalSince1970 * 1000).rounded(.down)
        for _ in 0..<32 {
            let text = ContractJSON.formatTimestamp(Date(timeIntervalSince1970: milliseconds / 1000))
            if let parsed = ContractJSON.parseTimestamp(text), ContractJSON.formatTimestamp(parsed) == text { return parsed }
            milliseconds += 1
        }
        return Date(timeIntervalSince1970: milliseconds / 1000)
    }
}
