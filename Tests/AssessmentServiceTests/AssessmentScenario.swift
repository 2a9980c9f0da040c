import AssessmentService
import Foundation
import GridDomain

/// A day of cases (2025-03-03, Asia/Shanghai) written as real contract events, with the exact
/// indicators they must give. Used by the in-memory, database and Kafka tests alike.
///
/// | case | story | counts as |
/// |---|---|---|
/// | A | filed, dispatched to sanitation, disposed 10:00, checked, closed | due, closed on time |
/// | B | sanitation; yellow then red card (due 13:05); disposed 14:00; closed | due (overdue 13:05), closed late, late disposal |
/// | C | sanitation; disposed 10:00, check fails (返工), disposed again 11:00; closed | due, closed on time, reworked |
/// | D | enforcement (district 339902); red card (due 12:00); never disposed | due, overdue undisposed |
/// | E | enforcement (339902); red card (due 11:00), then parked 11:30 | parked: excluded |
/// | F | filed, voided 09:30 | filed, voided |
/// | G | sanitation; disposed 12:59; a stale red card (due 13:05, as of before the disposal); closed | due, closed on time |
/// | H | self-disposed by the grid worker | self-disposed only |
/// | I | filed 2 March; sanitation; disposed 3 March 10:00; closed | due, closed on time (not filed in the period) |
/// | J | filed and dispatched 3 March; disposed 4 March | filed only (due on 4 March) |
/// | K | filed, marked duplicate by the shift lead | filed, duplicate |
struct AssessmentScenario {
    static let sanitation = "D339901-SANITATION"
    static let enforcement = "D339902-ENFORCE"
    static let gridInDistrict1 = "339901001001001"
    static let gridInDistrict2 = "339902001001001"

    /// The period: 3 March 2025, 00:00 to 24:00 in Asia/Shanghai.
    static let period = IndicatorPeriod(from: at("3 00:00"), to: at("4 00:00"))!

    /// Every event, case after case (each case's events in order, as on its partition).
    let messages: [LifecycleMessage]
    /// The case ids by letter.
    let cases: [String: CaseID]

    init() throws {
        var scripts: [String: CaseScript] = [:]
        var number = 0
        func script(_ letter: String, at time: Date, grid: String = Self.gridInDistrict1, _ body: (inout CaseScript) throws -> Void) throws {
            number += 1
            var script = try CaseScript(at: time, grid: grid, number: number)
            try body(&script)
            scripts[letter] = script
        }
        let san = Self.sanitation
        let law = Self.enforcement

        try script("A", at: at("08:55")) { s in
            try s.file(at: at("09:00"))
            try s.dispatch(to: san, at: at("09:05"))
            try s.signFor(san, at: at("09:10"))
            try s.reportDisposal(san, at: at("10:00"))
            try s.check(passed: true, at: at("10:30"))
            try s.close(at: at("11:00"))
        }
        try script("B", at: at("08:55")) { s in
            try s.file(at: at("09:00"))
            try s.dispatch(to: san, at: at("09:05"))
            try s.signFor(san, at: at("09:10"))
            try s.card(.yellow, startedAt: at("09:05"), dueAt: at("13:05"), issuedAt: at("12:00"))
            try s.card(.red, startedAt: at("09:05"), dueAt: at("13:05"), issuedAt: at("13:06"))
            try s.reportDisposal(san, at: at("14:00"))
            try s.check(passed: true, at: at("14:30"))
            try s.close(at: at("15:00"))
        }
        try script("C", at: at("08:55")) { s in
            try s.file(at: at("09:00"))
            try s.dispatch(to: san, at: at("09:05"))
            try s.signFor(san, at: at("09:10"))
            try s.reportDisposal(san, at: at("10:00"))
            try s.check(passed: false, at: at("10:30"))
            try s.signFor(san, at: at("10:40"))
            try s.reportDisposal(san, at: at("11:00"))
            try s.check(passed: true, at: at("11:30"))
            try s.close(at: at("12:00"))
        }
        try script("D", at: at("08:55"), grid: Self.gridInDistrict2) { s in
            try s.file(at: at("09:00"))
            try s.dispatch(to: law, at: at("09:05"))
            try s.signFor(law, at: at("09:10"))
            try s.card(.red, startedAt: at("09:05"), dueAt: at("12:00"), issuedAt: at("12:01"))
        }
        try script("E", at: at("08:55"), grid: Self.gridInDistrict2) { s in
            try s.file(at: at("09:00"))
            try s.dispatch(to: law, at: at("09:05"))
            try s.signFor(law, at: at("09:10"))
            try s.card(.red, startedAt: at("09:05"), dueAt: at("11:00"), issuedAt: at("11:01"))
            try s.step(.requestPark(reason: "需立项"), by: CaseScript.unit(law), at: at("11:20"))
            try s.step(.approvePark, by: CaseScript.shiftLead, at: at("11:30"))
        }
        try script("F", at: at("08:55")) { s in
            try s.file(at: at("09:00"))
            try s.step(.void(reason: "虚假上报"), by: CaseScript.shiftLead, at: at("09:30"))
        }
        try script("G", at: at("08:55")) { s in
            try s.file(at: at("09:00"))
            try s.dispatch(to: san, at: at("09:05"))
            try s.signFor(san, at: at("09:10"))
            let beforeDisposal = s.sequence
            try s.reportDisposal(san, at: at("12:59"))
            try s.card(.red, startedAt: at("09:05"), dueAt: at("13:05"), issuedAt: at("13:06"), asOf: beforeDisposal)
            try s.check(passed: true, at: at("13:30"))
            try s.close(at: at("14:00"))
        }
        try script("H", at: at("09:00")) { s in
            try s.step(.selfDispose(note: "当场清理", attachments: []), by: CaseScript.gridWorker, at: at("09:10"))
        }
        try script("I", at: at("2 16:00")) { s in
            try s.file(at: at("2 16:05"))
            try s.dispatch(to: san, at: at("2 16:10"))
            try s.signFor(san, at: at("2 16:20"))
            try s.reportDisposal(san, at: at("10:00"))
            try s.check(passed: true, at: at("10:30"))
            try s.close(at: at("11:00"))
        }
        try script("J", at: at("16:00")) { s in
            try s.file(at: at("16:05"))
            try s.dispatch(to: san, at: at("16:10"))
            try s.signFor(san, at: at("16:20"))
            try s.reportDisposal(san, at: at("4 09:00"))
        }
        try script("K", at: at("08:55")) { s in
            try s.file(at: at("09:00"))
            try s.step(.markDuplicate(of: CaseID()), by: CaseScript.shiftLead, at: at("09:20"))
        }
        let letters = scripts.keys.sorted()
        messages = letters.flatMap { scripts[$0]!.messages }
        cases = scripts.mapValues(\.id)
    }

    /// The expected totals for ``period``.
    static var expectedTotal: IndicatorCounts {
        var counts = IndicatorCounts()
        counts.filed = 9  // A B C D E F G J K
        counts.voided = 1  // F
        counts.duplicates = 1  // K
        counts.dueForClosing = 6  // A B C D G I
        counts.disposed = 5  // A B C G I
        counts.overdueUndisposed = 1  // D
        counts.closed = 5  // A B C G I
        counts.closedOnTime = 4  // A C G I
        counts.parkedExcluded = 1  // E
        counts.closedInPeriod = 5  // A B C G I
        counts.selfDisposed = 1  // H
        counts.disposedInPeriod = 5  // A B C G I
        counts.reworked = 1  // C
        counts.disposedLate = 1  // B
        return counts
    }

    /// The expected cards for ``period``: red cards of B, D, E, G (G's is stale but was issued), B's yellow.
    static var expectedCards: CardCounts {
        var cards = CardCounts()
        cards.add(red: true, stage: .dispose, count: 4)
        cards.add(red: false, stage: .dispose, count: 1)
        return cards
    }

    /// The expected counts by department.
    static var expectedByDepartment: [String?: IndicatorCounts] {
        var sanitationCounts = IndicatorCounts()
        sanitationCounts.filed = 5  // A B C G J
        sanitationCounts.dueForClosing = 5  // A B C G I
        sanitationCounts.disposed = 5
        sanitationCounts.closed = 5
        sanitationCounts.closedOnTime = 4
        sanitationCounts.closedInPeriod = 5
        sanitationCounts.disposedInPeriod = 5
        sanitationCounts.reworked = 1
        sanitationCounts.disposedLate = 1
        var enforcementCounts = IndicatorCounts()
        enforcementCounts.filed = 2  // D E
        enforcementCounts.dueForClosing = 1  // D
        enforcementCounts.overdueUndisposed = 1
        enforcementCounts.parkedExcluded = 1  // E
        var unassigned = IndicatorCounts()
        unassigned.filed = 2  // F K
        unassigned.voided = 1
        unassigned.duplicates = 1
        unassigned.selfDisposed = 1  // H
        return [sanitation: sanitationCounts, enforcement: enforcementCounts, nil: unassigned]
    }

    /// The expected counts by district.
    static var expectedByDistrict: [String?: IndicatorCounts] {
        let byDepartment = expectedByDepartment
        var district2 = byDepartment[enforcement]!
        district2.filed = 2
        var district1 = byDepartment[sanitation]! + byDepartment[nil]!
        district1.filed = 7  // A B C F G J K
        return ["339901": district1, "339902": district2]
    }
}
