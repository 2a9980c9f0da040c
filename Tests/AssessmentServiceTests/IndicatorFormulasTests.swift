import AssessmentService
import Foundation
import GridDomain
import Testing

/// The indicator definitions on crafted facts.
@Suite struct IndicatorFormulasTests {
    static let period = IndicatorPeriod(from: at("3 00:00"), to: at("4 00:00"))!

    /// A filed and dispatched case of unit U-1 in district 339901.
    static func fact(filed: String? = "09:00", _ edit: (inout CaseFact) -> Void = { _ in }) -> CaseFact {
        var fact = CaseFact(
            caseID: CaseID(), caseNumber: "N1", channel: .supervisor, state: .dispatched, reportedAt: at("2 08:00"),
            placement: CasePlacementV1(place: try? PlaceCode("339901001001001"), areaClass: nil))
        fact.filedAt = filed.map(at)
        fact.leadUnit = UnitID("U-1")
        edit(&fact)
        return fact
    }

    /// A disposal run started at 09:05 with the given due time and red card.
    static func run(due: String?, red: Bool, stopped: String? = nil, byDisposal: Bool = true) -> DisposalRun {
        var run = DisposalRun(startSequence: 3, startedAt: at("09:05"))
        if let due { run.apply(cardDueAt: at(due), issuedAt: at(due).addingTimeInterval(60), isRed: red, asOfSequence: 4) }
        if let stopped { run.stop(sequence: 6, at: at(stopped), byDisposal: byDisposal) }
        return run
    }

    static func disposed(_ time: String, closed: String? = nil, run: DisposalRun? = nil) -> (inout CaseFact) -> Void {
        { fact in
            fact.firstDisposedAt = at(time)
            fact.disposedAt = at(time)
            fact.disposalRun = run ?? Self.run(due: nil, red: false, stopped: time)
            fact.closedAt = closed.map(at)
            fact.state = closed == nil ? .disposed : .closed
        }
    }

    @Test func filedCountsThePeriodHalfOpen() {
        let facts = [
            Self.fact(filed: "3 00:00"), Self.fact(filed: "3 23:59"), Self.fact(filed: "4 00:00"), Self.fact(filed: "2 23:59"),
            Self.fact(filed: nil),
        ]
        let counts = IndicatorFormulas.counts(of: facts, in: Self.period)
        #expect(counts.filed == 2)
    }

    @Test func voidedCasesCountAgainstAccuracyAndLeaveTheDenominators() {
        let voided = Self.fact { $0.voidedAt = at("10:00"); $0.state = .void }
        let duplicate = Self.fact { $0.duplicateAt = at("10:00"); $0.state = .duplicate }
        let counts = IndicatorFormulas.counts(of: [voided, duplicate, Self.fact()], in: Self.period)
        #expect(counts.filed == 3)
        #expect(counts.voided == 1)
        #expect(counts.duplicates == 1)
        #expect(counts.accuratelyFiled == 2)
        let ratio = IndicatorFormulas.ratios(of: counts).accurateFilingRate
        #expect(ratio.value == Decimal(string: "0.6667") && ratio.numerator == 2 && ratio.denominator == 3)
    }

    @Test func dueForClosingIsDisposedPlusOverdueUndisposed() {
        let onTime = Self.fact(Self.disposed("10:00", closed: "11:00"))
        let late = Self.fact(Self.disposed("14:00", closed: "15:00", run: Self.run(due: "13:00", red: true, stopped: "14:00")))
        let overdue = Self.fact { $0.disposalRun = Self.run(due: "12:00", red: true); $0.state = .inDisposal }
        let pending = Self.fact { $0.disposalRun = Self.run(due: "18:00", red: false); $0.state = .inDisposal }
        let counts = IndicatorFormulas.counts(of: [onTime, late, overdue, pending], in: Self.period)
        #expect(counts.dueForClosing == 3)
        #expect(counts.disposed == 2)
        #expect(counts.overdueUndisposed == 1)
        #expect(counts.dueForClosing == counts.disposed + counts.overdueUndisposed)
        #expect(counts.closed == 2)
        #expect(counts.closedOnTime == 1)
        #expect(counts.disposedLate == 1)
        let ratios = IndicatorFormulas.ratios(of: counts)
        #expect(ratios.closingRate.value == Decimal(string: "0.6667"))
        #expect(ratios.onTimeClosingRate.value == Decimal(string: "0.3333"))
    }

    @Test func aCaseBelongsToThePeriodItBecameDueIn() {
        // Overdue on the 2nd, disposed on the 3rd: due on the 2nd, not the 3rd.
        let lateFromYesterday = Self.fact(
            Self.disposed("10:00", closed: "11:00", run: Self.run(due: "2 17:00", red: true, stopped: "10:00")))
        // Disposed on the 3rd after the check failed on the 2nd: due on the 2nd (its first disposal).
        let reworkFromYesterday = Self.fact {
            $0.firstDisposedAt = at("2 15:00")
            $0.disposedAt = at("10:00")
            $0.counters.reworkCount = 1
            $0.closedAt = at("11:00")
            $0.state = .closed
        }
        let counts = IndicatorFormulas.counts(of: [lateFromYesterday, reworkFromYesterday], in: Self.period)
        #expect(counts.dueForClosing == 0)
        #expect(counts.closed == 0)
        #expect(counts.closedInPeriod == 2)
        // 返工率 counts by first disposal: the late case was first disposed on the 3rd, the reworked one on the 2nd.
        #expect(counts.disposedInPeriod == 1)
        #expect(counts.reworked == 0)
        #expect(counts.disposedLate == 1)
        let ratios = IndicatorFormulas.ratios(of: counts)
        #expect(ratios.closingRate.value == nil)
        #expect(ratios.closingRate.reason == "no case was due for closing in the period (应结案数 = 0)")
        #expect(ratios.reworkRate.value == 0 && ratios.reworkRate.reason == nil)
    }

    @Test func parkedCasesLeaveTheDenominators() {
        let parkedOverdue = Self.fact { $0.disposalRun = Self.run(due: "12:00", red: true); $0.state = .parked }
        let parkedInTime = Self.fact { $0.disposalRun = Self.run(due: nil, red: false); $0.state = .parked }
        let counts = IndicatorFormulas.counts(of: [parkedOverdue, parkedInTime, Self.fact(Self.disposed("10:00"))], in: Self.period)
        #expect(counts.parkedExcluded == 1)
        #expect(counts.dueForClosing == 1)
        #expect(counts.overdueUndisposed == 0)
    }

    @Test func reworkRateIsReworkedOverFirstDisposed() {
        var reworked = Self.fact(Self.disposed("10:00", closed: "12:00"))
        reworked.counters.reworkCount = 2
        let others = (0..<3).map { _ in Self.fact(Self.disposed("10:00")) }
        let voided = Self.fact { $0.firstDisposedAt = at("10:00"); $0.voidedAt = at("13:00"); $0.counters.reworkCount = 1 }
        let counts = IndicatorFormulas.counts(of: [reworked, voided] + others, in: Self.period)
        #expect(counts.disposedInPeriod == 4)
        #expect(counts.reworked == 1)
        #expect(IndicatorFormulas.ratios(of: counts).reworkRate.value == Decimal(string: "0.25"))
    }

    @Test func selfDisposalIsCountedApart() {
        let selfDisposed = Self.fact(filed: nil) {
            $0.closedAt = at("09:10")
            $0.counters.selfDisposed = true
            $0.state = .closed
            $0.leadUnit = nil
        }
        let counts = IndicatorFormulas.counts(of: [selfDisposed], in: Self.period)
        var expected = IndicatorCounts()
        expected.selfDisposed = 1
        #expect(counts == expected)
    }

    @Test func ratiosRoundHalfUpToFourPlaces() {
        #expect(IndicatorRatio(numerator: 911, denominator: 972, whenEmpty: "").value == Decimal(string: "0.9372"))
        #expect(IndicatorRatio(numerator: 1, denominator: 8, whenEmpty: "").value == Decimal(string: "0.125"))
        #expect(IndicatorRatio(numerator: 1, denominator: 20_000, whenEmpty: "").value == Decimal(string: "0.0001"))  // 0.00005 → up
        #expect(IndicatorRatio(numerator: 3, denominator: 3, whenEmpty: "").value == 1)
        let empty = IndicatorRatio(numerator: 0, denominator: 0, whenEmpty: "nothing to count")
        #expect(empty.value == nil && empty.reason == "nothing to count")
    }

    @Test func filtersFollowScopesPlacesAndCategories() throws {
        let placement = CasePlacementV1(place: try PlaceCode("339901002003004"), areaClass: nil)
        let category = try CategoryCode("E0102")
        #expect(IndicatorFilter().matches(placement: placement, category: category))
        #expect(IndicatorFilter(placePrefixes: ["339901002"]).matches(placement: placement, category: nil))
        #expect(!IndicatorFilter(placePrefixes: ["339901001", "339902"]).matches(placement: placement, category: nil))
        #expect(!IndicatorFilter(placePrefixes: ["339901"]).matches(placement: .unknown, category: nil))
        #expect(IndicatorFilter(street: try PlaceCode("339901002")).matches(placement: placement, category: nil))
        #expect(!IndicatorFilter(district: try PlaceCode("339902")).matches(placement: placement, category: nil))
        #expect(IndicatorFilter(category: try CategoryCode("E01")).matches(placement: placement, category: category))
        #expect(!IndicatorFilter(category: try CategoryCode("E02")).matches(placement: placement, category: category))
    }
}
