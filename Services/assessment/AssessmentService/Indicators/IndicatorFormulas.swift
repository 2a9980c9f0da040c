import Foundation
public import GridDomain

/// The definitions of every indicator, in one place (GridLoop's reading of BRIEF §6 and CJ/T 292).
/// `IndicatorQuery` computes the same counts in PostgreSQL; `IndicatorFormulasTests` pins these on
/// crafted facts and `IndicatorQueryTests` checks that the SQL agrees with them.
///
/// Period `P = [from, to)`. Every count is evaluated on the facts as they are now (events consumed so
/// far), so a period's figures settle as its cases are checked and closed.
///
/// - **立案数** `filed`: cases filed (立案) in P.
/// - **作废数** `voided`: of those, cases voided (作废) since. **准确立案数** = 立案数 − 作废数.
/// - **应结案数** `dueForClosing`: cases **due for closing** in P — a case is due for closing at its
///   first disposal report or at the moment it first became overdue in disposal, whichever came first
///   (`CaseFact.dueForClosingAt`), and it belongs to the period that moment falls in; voided and
///   duplicate cases never count, and cases parked (挂账/缓办) now are left out (`parkedExcluded`). So
///   应结案数 = `disposed` (a disposal was reported) + `overdueUndisposed` (overdue, no disposal yet),
///   and every case counts in one period only.
/// - **结案数** `closed`: of the cases due for closing in P, those closed (结案). `closedInPeriod` is the
///   plain activity count of cases closed in P whichever period they were due in.
/// - **按期结案数** `closedOnTime`: of those closed, the ones whose every disposal run kept its deadline
///   (`CaseFact.breachedRuns == 0`; see `DisposalRun` for when a run is breached).
/// - **结案率** = 结案数 / 应结案数; **按期结案率** = 按期结案数 / 应结案数.
/// - **返工率** = `reworked` / `disposedInPeriod`: of the cases whose first disposal was reported in P
///   (voided ones excepted), those that failed a check (核查) and went back to the same unit.
/// - **逾期数** (overdue counts): red cards issued in P by stage; yellow cards likewise.
/// - `selfDisposed`: cases disposed of on the spot by the reporting grid worker (自行处置) in P; they
///   are never filed, so they appear in no other count.
public enum IndicatorFormulas {
    // MARK: Membership

    /// 立案数: filed in P.
    public static func isFiled(_ fact: CaseFact, in period: IndicatorPeriod) -> Bool {
        period.contains(fact.filedAt)
    }

    /// 作废数: filed in P and voided.
    public static func isVoided(_ fact: CaseFact, in period: IndicatorPeriod) -> Bool {
        isFiled(fact, in: period) && fact.voidedAt != nil
    }

    /// Filed in P and later marked a duplicate.
    public static func isDuplicate(_ fact: CaseFact, in period: IndicatorPeriod) -> Bool {
        isFiled(fact, in: period) && fact.duplicateAt != nil
    }

    /// Due for closing in P, before the parking exclusion.
    static func becameDue(_ fact: CaseFact, in period: IndicatorPeriod) -> Bool {
        period.contains(fact.dueForClosingAt) && fact.voidedAt == nil && fact.duplicateAt == nil
    }

    /// 应结案: due for closing in P and not parked now.
    public static func isDueForClosing(_ fact: CaseFact, in period: IndicatorPeriod) -> Bool {
        becameDue(fact, in: period) && !fact.isParked
    }

    /// Left out of 应结案数 because parked now.
    public static func isParkedExcluded(_ fact: CaseFact, in period: IndicatorPeriod) -> Bool {
        becameDue(fact, in: period) && fact.isParked
    }

    /// Due for closing in P with a disposal reported.
    public static func isDisposed(_ fact: CaseFact, in period: IndicatorPeriod) -> Bool {
        isDueForClosing(fact, in: period) && fact.firstDisposedAt != nil
    }

    /// Due for closing in P, overdue and without a disposal report.
    public static func isOverdueUndisposed(_ fact: CaseFact, in period: IndicatorPeriod) -> Bool {
        isDueForClosing(fact, in: period) && fact.firstDisposedAt == nil
    }

    /// 结案: due for closing in P and closed.
    public static func isClosed(_ fact: CaseFact, in period: IndicatorPeriod) -> Bool {
        isDueForClosing(fact, in: period) && fact.closedAt != nil
    }

    /// 按期结案: closed and no disposal run breached.
    public static func isClosedOnTime(_ fact: CaseFact, in period: IndicatorPeriod) -> Bool {
        isClosed(fact, in: period) && fact.breachedRuns == 0
    }

    /// Closed in P (not by self-disposal).
    public static func isClosedInPeriod(_ fact: CaseFact, in period: IndicatorPeriod) -> Bool {
        period.contains(fact.closedAt) && !fact.counters.selfDisposed
    }

    /// Self-disposed (自行处置) in P.
    public static func isSelfDisposed(_ fact: CaseFact, in period: IndicatorPeriod) -> Bool {
        period.contains(fact.closedAt) && fact.counters.selfDisposed
    }

    /// First disposal reported in P (返工率's denominator).
    public static func isDisposedInPeriod(_ fact: CaseFact, in period: IndicatorPeriod) -> Bool {
        period.contains(fact.firstDisposedAt) && fact.voidedAt == nil
    }

    /// First disposed in P and sent back by a failed check (返工率's numerator).
    public static func isReworked(_ fact: CaseFact, in period: IndicatorPeriod) -> Bool {
        isDisposedInPeriod(fact, in: period) && fact.counters.reworkCount > 0
    }

    /// First disposed in P, with a late disposal report.
    public static func isDisposedLate(_ fact: CaseFact, in period: IndicatorPeriod) -> Bool {
        isDisposedInPeriod(fact, in: period) && fact.lateDisposals > 0
    }

    // MARK: Counting

    /// The counts of `facts` in `period`.
    public static func counts(of facts: some Sequence<CaseFact>, in period: IndicatorPeriod) -> IndicatorCounts {
        var counts = IndicatorCounts()
        func add(_ predicate: (CaseFact, IndicatorPeriod) -> Bool, _ fact: CaseFact, to count: inout Int) {
            if predicate(fact, period) { count += 1 }
        }
        for fact in facts {
            add(isFiled, fact, to: &counts.filed)
            add(isVoided, fact, to: &counts.voided)
            add(isDuplicate, fact, to: &counts.duplicates)
            add(isDueForClosing, fact, to: &counts.dueForClosing)
            add(isDisposed, fact, to: &counts.disposed)
            add(isOverdueUndisposed, fact, to: &counts.overdueUndisposed)
            add(isClosed, fact, to: &counts.closed)
            add(isClosedOnTime, fact, to: &counts.closedOnTime)
            add(isParkedExcluded, fact, to: &counts.parkedExcluded)
            add(isClosedInPeriod, fact, to: &counts.closedInPeriod)
            add(isSelfDisposed, fact, to: &counts.selfDisposed)
            add(isDisposedInPeriod, fact, to: &counts.disposedInPeriod)
            add(isReworked, fact, to: &counts.reworked)
            add(isDisposedLate, fact, to: &counts.disposedLate)
        }
        return counts
    }

    /// Deadline cards among `events` issued in `period`, by stage.
    public static func cardCounts(of events: some Sequence<EventFact>, in period: IndicatorPeriod) -> CardCounts {
        var counts = CardCounts()
        for event in events where period.contains(event.at) {
            guard let stage = event.stage, event.kind == .redCard || event.kind == .yellowCard else { continue }
            counts.add(red: event.kind == .redCard, stage: stage)
        }
        return counts
    }

    /// The group of a case: its department, district or street (`nil`: unassigned or not located).
    public static func groupKey(of fact: CaseFact, by grouping: IndicatorGrouping) -> String? {
        switch grouping {
        case .department: fact.department?.rawValue
        case .district: fact.placement.district?.digits
        case .street: fact.placement.street?.digits
        }
    }

    /// The group of an event (cards count against the lead unit they were issued under).
    public static func groupKey(of event: EventFact, by grouping: IndicatorGrouping) -> String? {
        switch grouping {
        case .department: event.leadUnit?.rawValue
        case .district: event.placement.district?.digits
        case .street: event.placement.street?.digits
        }
    }

    // MARK: Ratios

    /// The ratios of `counts`.
    public static func ratios(of counts: IndicatorCounts) -> IndicatorRatios {
        IndicatorRatios(
            closingRate: IndicatorRatio(
                numerator: counts.closed, denominator: counts.dueForClosing,
                whenEmpty: "no case was due for closing in the period (应结案数 = 0)"),
            onTimeClosingRate: IndicatorRatio(
                numerator: counts.closedOnTime, denominator: counts.dueForClosing,
                whenEmpty: "no case was due for closing in the period (应结案数 = 0)"),
            reworkRate: IndicatorRatio(
                numerator: counts.reworked, denominator: counts.disposedInPeriod,
                whenEmpty: "no case was first disposed in the period"),
            accurateFilingRate: IndicatorRatio(
                numerator: counts.accuratelyFiled, denominator: counts.filed,
                whenEmpty: "no case was filed in the period (立案数 = 0)"))
    }
}
