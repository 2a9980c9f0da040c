/// Days over which a finding holds: from a date, through a date or open-ended.
public struct EffectivePeriod: Sendable, Hashable, CustomStringConvertible {
    /// The first day.
    public let from: EffectiveDate
    /// The last day, or `nil` when it holds from `from` on.
    public let through: EffectiveDate?

    /// Creates a period.
    public init(from: EffectiveDate, through: EffectiveDate?) {
        self.from = from
        self.through = through
    }

    /// A readable form for messages and logs.
    public var description: String { through.map { "\(from)…\($0)" } ?? "from \(from)" }
}
