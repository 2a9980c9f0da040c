import Foundation
import GridDomain

/// What one timer round issues for the runs it claimed: a card per run that earned one, in claim order.
struct CardRound: Sendable {
    /// A card to write to the outbox, with the event id it gets.
    struct Planned: Sendable {
        let data: DeadlineCardV1
        let issued: DueCardStore.Issued
        /// How long after it fell due the card is issued.
        let delay: TimeInterval
    }

    let planned: [Planned]

    /// Decides the cards for `claimed` runs at `now`.
    init(claimed: [DueCardStore.Claimed], now: Date, reference: DeadlineReference, newEventID: () -> String = { UUID().uuidString.lowercased() }) {
        var planned: [Planned] = []
        for claim in claimed {
            guard let card = DeadlineCards.due(for: claim.run, times: claim.times, at: now), let dueAt = claim.times.dueAt else { continue }
            let data = DeadlineCards.card(card, for: claim.run, dueAt: dueAt, snapshot: claim.snapshot, issuedAt: now, reference: reference)
            let fellDue = (card == .red ? claim.times.redAt : claim.times.yellowAt) ?? now
            planned.append(
                Planned(
                    data: data, issued: DueCardStore.Issued(key: claim.run.key, card: card, issuedAt: now, eventID: newEventID()),
                    delay: max(0, now.timeIntervalSince(fellDue))))
        }
        self.planned = planned
    }
}
