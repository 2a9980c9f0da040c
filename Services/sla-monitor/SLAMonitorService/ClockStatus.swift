/// Where a stage clock stands, as stored in `stage_clocks.status`.
public enum ClockStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// The stage is under way and its clock counts.
    case running
    /// The case is parked (挂账): the clock does not count.
    case paused
    /// The stage ended (or the case left the loop); pending cards are cancelled.
    case stopped
}
