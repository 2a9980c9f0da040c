import GridDomain
import NotificationService
import Testing

@Suite("Reporter ledger")
struct ReporterLedgerTests {
    static let first = ReporterOnRecord(channel: .hotline12345, maskedPhone: "138****5678", hasPhone: true, accountId: nil, confidential: false)
    static let second = ReporterOnRecord(channel: .hotline12345, maskedPhone: "139****0000", hasPhone: true, accountId: nil, confidential: false)

    @Test("a batch ends as its events one by one would: the stored record wins, a close takes it, a reopening records anew")
    func batchEqualsSequence() {
        let stored = CaseID()
        let openedAndClosed = CaseID()
        let reopened = CaseID()
        let unknown = CaseID()
        var ledger = ReporterLedger(stored: [stored: Self.first], lookedUp: [stored, openedAndClosed, reopened])

        ledger.open(stored, reporter: Self.second)  // a republished opening: the stored record stays
        #expect(ledger.reporter(of: stored, removing: false) == Self.first)
        #expect(ledger.reporter(of: stored, removing: true) == Self.first)
        #expect(ledger.reporter(of: stored, removing: false) == nil)  // taken at close

        ledger.open(openedAndClosed, reporter: Self.first)
        #expect(ledger.reporter(of: openedAndClosed, removing: true) == Self.first)

        #expect(ledger.reporter(of: reopened, removing: true) == nil)
        ledger.open(reopened, reporter: Self.second)

        ledger.open(unknown, reporter: Self.first)  // not looked up: inserted, a stored record would win

        #expect(ledger.changes.removed == [stored, openedAndClosed, reopened])
        #expect(ledger.changes.recorded == [reopened: Self.second, unknown: Self.first])
    }
}
