import Foundation

/// The half-open period `[from, to)` an indicator report covers.
public struct IndicatorPeriod: Sendable, Hashable {
    /// The first instant in the period.
    public let from: Date
    /// The first instant after the period.
    public let to: Date

    /// A period; `from` must be before `to`.
    public init?(from: Date, to: Date) {
        guard from < to else { return nil }
        self.from = from
        self.to = to
    }

    /// Whether `date` lies in the period (`nil` never does).
    public func contains(_ date: Date?) -> Bool {
        guard let date else { return false }
        return from <= date && date < to
    }
}
