import Foundation
import Synchronization

/// What happened to each order of the run: when it was sent, its case, when each stage was reached; and counts of
/// notable events (manual dispatch, verification) on the way. Safe to use from the sender, the lifecycle follower
/// and the notification probe at once.
final class OrderLedger: Sendable {
    /// One order.
    struct Entry: Sendable {
        var orderNumber: String
        var sentAt: Date?
        var caseId: String?
        var caseNumber: String?
        var reached: [Stage: Date] = [:]
    }

    /// A copy of the ledger for the report.
    struct Snapshot: Sendable {
        var entries: [Entry]
        /// Cases of the run routing could not dispatch automatically (`gridloop.dispatch.manual-required.v1`).
        var manualDispatch: Int
        /// Cases of the run sent to on-site verification (`gridloop.case.verification-requested.v1`).
        var verificationRequested: Int
        /// Lifecycle events of the run's cases received.
        var eventsReceived: Int
    }

    private struct State {
        var entries: [Entry] = []
        var indexByOrder: [String: Int] = [:]
        var indexByCase: [String: Int] = [:]
        var manualDispatch: Set<String> = []
        var verificationRequested: Set<String> = []
        var eventsReceived = 0
        var unlinkedNotifications: [String: Date] = [:]
    }

    private let state = Mutex(State())
    let expected: Int

    init(expected: Int) {
        self.expected = expected
    }

    /// Records orders as sent at `sentAt` (called just before they are handed to the producer).
    func sent(_ orderNumbers: [String], at sentAt: Date) {
        self.state.withLock { state in
            for number in orderNumbers {
                if let index = state.indexByOrder[number] {
                    state.entries[index].sentAt = sentAt
                } else {
                    state.indexByOrder[number] = state.entries.count
                    state.entries.append(Entry(orderNumber: number, sentAt: sentAt))
                }
            }
        }
    }

    /// Links a case to the order it was opened from and records `opened`. Returns `false` for an unknown order.
    @discardableResult
    func opened(orderNumber: String, caseId: String, caseNumber: String, at date: Date) -> Bool {
        self.state.withLock { state in
            guard let index = state.indexByOrder[orderNumber] else { return false }
            state.indexByCase[caseId] = index
            state.entries[index].caseId = caseId
            state.entries[index].caseNumber = caseNumber
            state.entries[index].reached[.opened] = state.entries[index].reached[.opened] ?? date
            if let notified = state.unlinkedNotifications.removeValue(forKey: caseId) {
                state.entries[index].reached[.notified] = notified
            }
            state.eventsReceived += 1
            return true
        }
    }

    /// Whether a case belongs to this run, with its order number.
    func orderNumber(ofCase caseId: String) -> String? {
        self.state.withLock { state in state.indexByCase[caseId].map { state.entries[$0].orderNumber } }
    }

    /// Records an event of one of the run's cases: the stage it marks (first time only) and notable types.
    func received(type: String, caseId: String, at date: Date) {
        self.state.withLock { state in
            guard let index = state.indexByCase[caseId] else { return }
            state.eventsReceived += 1
            if let stage = Stage.marked(by: type), state.entries[index].reached[stage] == nil {
                state.entries[index].reached[stage] = date
            }
            if type == "gridloop.dispatch.manual-required.v1" { state.manualDispatch.insert(caseId) }
            if type == "gridloop.case.verification-requested.v1" { state.verificationRequested.insert(caseId) }
        }
    }

    /// Records that notification recorded a delivery for a case at `date`. A case not linked to an order yet (its
    /// opening event not read yet) is remembered until it is.
    func notified(caseId: String, at date: Date) {
        self.state.withLock { state in
            guard let index = state.indexByCase[caseId] else {
                state.unlinkedNotifications[caseId] = min(state.unlinkedNotifications[caseId] ?? date, date)
                return
            }
            if state.entries[index].reached[.notified] == nil { state.entries[index].reached[.notified] = date }
        }
    }

    /// How many orders reached each stage.
    func counts() -> [Stage: Int] {
        self.state.withLock { state in
            var counts: [Stage: Int] = [:]
            for entry in state.entries {
                for stage in entry.reached.keys { counts[stage, default: 0] += 1 }
            }
            return counts
        }
    }

    /// Waits until every expected order reached every stage of `stages`, or `timeout` passed; prints progress to
    /// `progress` every 5 s. Returns whether every order got there.
    func wait(for stages: [Stage], timeout: Duration, progress: FileHandle) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var nextProgress = clock.now.advanced(by: .seconds(5))
        while true {
            let counts = self.counts()
            if stages.allSatisfy({ counts[$0, default: 0] >= self.expected }) { return true }
            if clock.now >= deadline { return false }
            if clock.now >= nextProgress {
                let line = Stage.allCases.map { "\($0.rawValue) \(counts[$0, default: 0])" }.joined(separator: ", ")
                progress.write(Data("gridloop-load: waiting: \(line) of \(self.expected)\n".utf8))
                nextProgress = clock.now.advanced(by: .seconds(5))
            }
            try? await Task.sleep(for: .milliseconds(100))
        }
    }

    /// A copy of everything recorded.
    func snapshot() -> Snapshot {
        self.state.withLock { state in
            Snapshot(
                entries: state.entries, manualDispatch: state.manualDispatch.count,
                verificationRequested: state.verificationRequested.count, eventsReceived: state.eventsReceived)
        }
    }
}
