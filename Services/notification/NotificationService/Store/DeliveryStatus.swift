/// Where a delivery stands.
public enum DeliveryStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// Waiting for its (next) attempt at `next_attempt_at`.
    case pending
    /// Claimed by a worker, which is sending it; reclaimed by any worker once `next_attempt_at` (the
    /// claim's lease) has passed without an outcome (the worker died).
    case sending
    /// The channel accepted it.
    case sent
    /// Given up: a permanent failure, too many transient ones, or no contact for the recipient.
    case failed
    /// Recorded but deliberately not sent: a deadline card whose stage the case had already left when
    /// the card arrived (`last_error` says which step ended it).
    case suppressed
}
