/// The counts of one group of an indicator report (see `IndicatorFormulas` for each definition).
public struct IndicatorCounts: Sendable, Hashable {
    /// 立案数: cases filed in the period.
    public var filed = 0
    /// 作废数: of those, cases voided since.
    public var voided = 0
    /// Of the cases filed in the period, those marked a duplicate after filing.
    public var duplicates = 0
    /// 应结案数: cases due for closing in the period (disposed + overdue not yet disposed), parked and
    /// voided cases excluded.
    public var dueForClosing = 0
    /// Of those, cases with a disposal reported.
    public var disposed = 0
    /// Of those, cases overdue in disposal and not yet disposed.
    public var overdueUndisposed = 0
    /// 结案数: of the cases due for closing, those closed.
    public var closed = 0
    /// 按期结案数: of the cases due for closing, those closed whose every disposal run kept its deadline.
    public var closedOnTime = 0
    /// Cases that would be due for closing in the period but are parked (挂账) now, so left out.
    public var parkedExcluded = 0
    /// Cases closed in the period (activity count, whichever period they were due in; self-disposal
    /// not included).
    public var closedInPeriod = 0
    /// Cases disposed of on the spot by the reporting grid worker (自行处置) in the period.
    public var selfDisposed = 0
    /// Cases whose first disposal was reported in the period (返工率's denominator).
    public var disposedInPeriod = 0
    /// Of those, cases that failed a check and went back to the same unit (返工率's numerator).
    public var reworked = 0
    /// Of the cases first disposed in the period, those with a disposal reported after its due time.
    public var disposedLate = 0

    /// All zero.
    public init() {}

    /// The sum of two groups' counts (every case belongs to one group, so totals add up).
    public static func + (lhs: IndicatorCounts, rhs: IndicatorCounts) -> IndicatorCounts {
        var sum = lhs
        sum.filed += rhs.filed
        sum.voided += rhs.voided
        sum.duplicates += rhs.duplicates
        sum.dueForClosing += rhs.dueForClosing
        sum.disposed += rhs.disposed
        sum.overdueUndisposed += rhs.overdueUndisposed
        sum.closed += rhs.closed
        sum.closedOnTime += rhs.closedOnTime
        sum.parkedExcluded += rhs.parkedExcluded
        sum.closedInPeriod += rhs.closedInPeriod
        sum.selfDisposed += rhs.selfDisposed
        sum.disposedInPeriod += rhs.disposedInPeriod
        sum.reworked += rhs.reworked
        sum.disposedLate += rhs.disposedLate
        return sum
    }

    /// 准确立案数 = 立案数 − 作废数.
    public var accuratelyFiled: Int { filed - voided }
}
