import Foundation

/// Times intake writes into events are whole milliseconds, the precision of the contracts'
/// timestamps, so a replica built from an event and the producer's own copy hold identical times.
enum Timestamps {
    /// Now, truncated to the millisecond.
    static func now() -> Date { truncated(Date()) }

    /// `date` truncated to the millisecond.
    static func truncated(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }
}
