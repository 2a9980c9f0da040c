/// The definitions a report was computed with, returned with every report so a reader never has to
/// guess a denominator. Mirrors `IndicatorFormulas`.
struct IndicatorDefinitions: Encodable, Sendable, Hashable {
    var period = "[from, to): from inclusive, to exclusive; counts are evaluated on the events consumed so far"
    var filed = "立案数: cases filed (立案) in the period"
    var voided = "作废数: of the cases filed in the period, those voided (作废) since"
    var accuratelyFiled = "准确立案数 = 立案数 − 作废数"
    var duplicates = "of the cases filed in the period, those marked a duplicate after filing"
    var dueForClosing =
        "应结案数 = disposed + overdueUndisposed: cases due for closing in the period — a case is due at its first disposal report or when it first became overdue in disposal (a disposal run breached its deadline), whichever came first, and counts in the period that moment falls in; voided and duplicate cases never count; cases parked (挂账) now are left out (parkedExcluded)"
    var disposed = "of the cases due for closing, those with a disposal reported"
    var overdueUndisposed = "of the cases due for closing, those overdue in disposal without a disposal report"
    var closed = "结案数: of the cases due for closing, those closed (结案)"
    var closedOnTime =
        "按期结案数: of the cases closed, those whose every disposal run kept its deadline (no disposal after its due time; no red card while disposal was pending, stale cards ignored)"
    var parkedExcluded = "cases due for closing in the period but parked now, left out of every denominator"
    var closedInPeriod = "cases closed in the period whichever period they were due in (activity count; self-disposal excluded)"
    var selfDisposed = "cases disposed of on the spot by the reporting grid worker (自行处置) in the period; never filed"
    var disposedInPeriod = "cases whose first disposal was reported in the period (voided cases excepted)"
    var reworked = "of the cases first disposed in the period, those that failed a check (核查) and went back to the same unit (返工)"
    var disposedLate = "of the cases first disposed in the period, those with a disposal reported after its due time"
    var redCards = "逾期数: red cards issued in the period (by stage in redCardsByStage); yellow cards likewise"
    var closingRate = "结案率 = 结案数 / 应结案数 (closed / dueForClosing)"
    var onTimeClosingRate = "按期结案率 = 按期结案数 / 应结案数 (closedOnTime / dueForClosing)"
    var reworkRate = "返工率 = reworked / disposedInPeriod"
    var accurateFilingRate = "立案准确率 = 准确立案数 / 立案数 (accuratelyFiled / filed)"
    var ratios = "decimals rounded half-up to 4 places; a zero denominator gives value null and a reason"
    var department = "department: the lead unit (主办) of the case's first disposal, or its current lead unit; cards count against the lead unit they were issued under; key null = not dispatched"
    var scope = "only cases within the caller's place scopes (JWT places) are counted; a case that could not be located is visible only with scope *"
}
