import Foundation
import GridDomain

/// Times intake writes into events: whole milliseconds (the contracts' precision) that survive the
/// contracts' RFC 3339 round trip unchanged, so intake's own copy of a case, its stored copy and the
/// replicas other services parse from the events hold identical times.
///
/// The contracts' formatter (`RFC3339Timestamp`) rounds to the millisecond and its parser yields the
/// double nearest each millisecond, so every whole millisecond is a fixed point of parse ∘ format
/// (property-tested in GridDomainTests): a date cut to its millisecond survives any number of
/// store-and-load round trips unchanged. (Foundation's truncating formatter, used before, did not:
/// for about half of all millisecond values `format(parse(s)) != s`.)
enum Timestamps {
    /// Now, as a stable millisecond.
    static func now() -> Date { stable(Date()) }

    /// `date` cut to its millisecond.
    static func stable(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }
}
