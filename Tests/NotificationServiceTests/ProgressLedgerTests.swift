import Foundation
import GridDomain
import NotificationService
import Testing

@Suite("Case progress ledger")
struct ProgressLedgerTests {
    /// A card on `stage` issued as of `asOf`.
    static func card(_ colour: DeadlineCardV1.Card = .yellow, of caseId: CaseID, stage: CaseStage, asOf: Int) throws -> DeadlineCardV1 {
        let (_, states) = try NotificationFixtures.hotlineCase(caseID: caseId)
        var card = try #require(cardData(try NotificationFixtures.card(colour, of: states[4], stage: stage).event))
        card.asOfSequence = asOf
        return card
    }

    static func cardData(_ event: LifecycleTopicEventV1) -> DeadlineCardV1? {
        switch event {
        case .yellowCard(let card), .redCard(let card): card
        default: nil
        }
    }

    @Test("steps record their sequence, state and the stages whose run they end (stop, restart, stop all)")
    func stepsEndStages() {
        let caseId = CaseID()
        let dispatch = StepProgress(
            caseId: caseId, sequence: 5, state: "dispatched", effects: [.stop(.dispatch), .start(.signFor), .start(.dispose)])
        #expect(dispatch.endedStages == [.dispatch, .signFor, .dispose])
        let extend = StepProgress(
            caseId: caseId, sequence: 7, state: "in_disposal",
            effects: [.pause(.dispose), .resume(.dispose), .extend(.dispose, by: TimeLimitV1(amount: 1, unit: .workingDays))])
        #expect(extend.endedStages.isEmpty)
        let close = StepProgress(caseId: caseId, sequence: 12, state: "closed", effects: [.stopAll])
        #expect(close.endedStages == Set(CaseStage.allCases))

        var progress = CaseProgress()
        for step in [close, dispatch, extend] { progress.apply(step) }  // any order: values only grow
        #expect(progress.lastSequence == 12)
        #expect(progress.state == "closed")
        #expect(progress.stageEnds[.signFor] == 12)
        #expect(progress.end(of: .signFor, after: 11) == 12)
        #expect(progress.end(of: .signFor, after: 12) == nil)
    }

    @Test("a card is stale once a step after its sequence ended its stage; a card of another stage or a later run is not")
    func judgesCards() throws {
        let caseId = CaseID()
        var ledger = ProgressLedger(stored: [caseId: CaseProgress(lastSequence: 5, state: "dispatched", stageEnds: [.signFor: 5, .dispose: 5])])
        let signForCard = try Self.card(.red, of: caseId, stage: .signFor, asOf: 5)
        let disposeCard = try Self.card(of: caseId, stage: .dispose, asOf: 5)
        #expect(ledger.suppressionReason(for: signForCard) == nil, "the stage is still running as far as anyone knows")

        ledger.apply(StepProgress(caseId: caseId, sequence: 6, state: "in_disposal", effects: [.stop(.signFor)]))
        let reason = try #require(ledger.suppressionReason(for: signForCard))
        #expect(reason.contains("stage sign_for (签收) ended at sequence 6, after the card's sequence 5"))
        #expect(reason.contains("in_disposal as of sequence 6"))
        #expect(ledger.suppressionReason(for: disposeCard) == nil, "disposal still runs")

        // A failed check restarts sign-for and disposal: cards of the old runs are stale, those of the new ones are not.
        ledger.apply(StepProgress(caseId: caseId, sequence: 9, state: "rework", effects: [.stop(.check), .start(.signFor), .start(.dispose)]))
        #expect(ledger.suppressionReason(for: disposeCard) != nil)
        #expect(ledger.suppressionReason(for: try Self.card(of: caseId, stage: .dispose, asOf: 9)) == nil)
        #expect(ledger.suppressionReason(for: try Self.card(of: CaseID(), stage: .dispose, asOf: 1)) == nil, "nothing known of the case")

        #expect(ledger.changes.keys.sorted() == [caseId])
        #expect(ledger.changes[caseId]?.stageEnds == [.signFor: 9, .dispose: 9, .check: 9])
    }

    @Test("progress is read from any step's data, leniently: unknown effects and stages are ignored")
    func readsStepData() throws {
        let caseId = CaseID()
        let json = """
            {"caseId":"\(caseId)","sequence":8,"action":{"step":"teleported"},"snapshot":{"state":"in_disposal","other":1},
             "clockEffects":[{"effect":"stop","stage":"sign_for"},{"effect":"warp","stage":"dispose"},{"effect":"start","stage":"orbit"}]}
            """
        let step = try #require(StepProgress.decode(lifecycleData: Array(json.utf8)))
        #expect(step == StepProgress(caseId: caseId, sequence: 8, state: "in_disposal", endedStages: [.signFor]))
        #expect(StepProgress.decode(lifecycleData: Array(#"{"sequence":8}"#.utf8)) == nil)
        #expect(StepProgress.decode(lifecycleData: Array("{".utf8)) == nil)
    }
}
