import AssessmentService
import Foundation
import Testing

/// When a disposal run counts as breached, late, or kept, from the cards and steps it saw.
@Suite struct DisposalRunTests {
    /// A run started by step 3 at 09:00.
    func run() -> DisposalRun { DisposalRun(startSequence: 3, startedAt: at("09:00")) }

    @Test func withoutCardsARunIsKept() {
        var run = run()
        #expect(!run.isBreached)
        run.stop(sequence: 5, at: at("4 09:00"), byDisposal: true)
        #expect(!run.isBreached && !run.isLateDisposal)
    }

    @Test func aRedCardOnAnOpenRunIsABreach() {
        var run = run()
        let taken = run.apply(cardDueAt: at("13:00"), issuedAt: at("13:01"), isRed: true, asOfSequence: 4)
        #expect(taken)
        #expect(run.isBreached)
        #expect(!run.isLateDisposal)
        run.stop(sequence: 5, at: at("14:00"), byDisposal: true)
        #expect(run.isBreached && run.isLateDisposal)
    }

    @Test func aDisposalAfterTheDueTimeOfAYellowCardIsLate() {
        var run = run()
        run.apply(cardDueAt: at("13:00"), issuedAt: at("12:00"), isRed: false, asOfSequence: 4)
        #expect(!run.isBreached)
        run.stop(sequence: 5, at: at("13:30"), byDisposal: true)
        #expect(run.isLateDisposal)
    }

    @Test func aStaleRedCardIsIgnored() {
        var run = run()
        run.stop(sequence: 5, at: at("12:59"), byDisposal: true)
        // Issued by a monitor that had applied only step 4, for a due time after the disposal.
        let taken = run.apply(cardDueAt: at("13:00"), issuedAt: at("13:01"), isRed: true, asOfSequence: 4)
        #expect(!taken)
        #expect(!run.isBreached)
    }

    @Test func aLateCardThatArrivesAfterTheStopStillCounts() {
        var run = run()
        run.stop(sequence: 5, at: at("13:30"), byDisposal: true)
        let taken = run.apply(cardDueAt: at("13:00"), issuedAt: at("13:01"), isRed: true, asOfSequence: 4)
        #expect(taken)
        #expect(run.isLateDisposal)
    }

    @Test func aRedCardReadBeforeAnEarlierDisposalIsUndoneByIt() {
        var run = run()
        // The card was written to the topic before the disposal report that preceded its due time.
        run.apply(cardDueAt: at("13:00"), issuedAt: at("13:01"), isRed: true, asOfSequence: 4)
        run.stop(sequence: 5, at: at("12:58"), byDisposal: true)
        #expect(!run.isBreached)
    }

    @Test func anExtensionForgetsAnUnbreachedDueTime() {
        var run = run()
        run.apply(cardDueAt: at("13:00"), issuedAt: at("12:00"), isRed: false, asOfSequence: 4)
        run.adjust(sequence: 6, at: at("12:30"))
        #expect(run.dueAt == nil)
        run.stop(sequence: 7, at: at("14:00"), byDisposal: true)
        #expect(!run.isLateDisposal)
    }

    @Test func anExtensionAfterARedCardDoesNotUndoTheBreach() {
        var run = run()
        run.apply(cardDueAt: at("13:00"), issuedAt: at("13:01"), isRed: true, asOfSequence: 4)
        run.adjust(sequence: 6, at: at("13:30"))
        #expect(run.isBreached)
        run.stop(sequence: 7, at: at("14:00"), byDisposal: true)
        #expect(run.isLateDisposal)
    }

    @Test func aCardIssuedBeforeAnExtensionForALaterDueIsStale() {
        var run = run()
        run.adjust(sequence: 6, at: at("12:30"))
        let taken = run.apply(cardDueAt: at("13:00"), issuedAt: at("13:01"), isRed: true, asOfSequence: 5)
        #expect(!taken)
        #expect(!run.isBreached)
    }

    @Test func cardsOfAnEarlierRunAreIgnored() {
        var run = run()
        let taken = run.apply(cardDueAt: at("08:00"), issuedAt: at("08:01"), isRed: true, asOfSequence: 2)
        #expect(!taken)
        #expect(!run.isBreached)
    }

    @Test func aReturnAfterTheDueTimeIsABreachButNotALateDisposal() {
        var run = run()
        run.apply(cardDueAt: at("13:00"), issuedAt: at("13:01"), isRed: true, asOfSequence: 4)
        run.stop(sequence: 5, at: at("13:30"), byDisposal: false)
        #expect(run.isBreached)
        #expect(!run.isLateDisposal)
    }
}
