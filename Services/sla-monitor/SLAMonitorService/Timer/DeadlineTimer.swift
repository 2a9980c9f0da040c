import Foundation
import GridDomain
import GridRuntime
import Logging
import Metrics
import PostgresNIO
import ServiceLifecycle

/// Issues yellow and red cards when they fall due. A `Service` of every replica: each round claims due
/// runs with `FOR UPDATE SKIP LOCKED` (replicas share the work, never the same run), writes their cards
/// to the outbox and marks them issued in the same transaction, so a card is issued once even when a
/// replica is killed mid-round. Between rounds it sleeps until the next card falls due, at most
/// ``Configuration/maximumSleep``, and wakes early on the `NOTIFY` the consumer sends when it stores a
/// nearer due time.
///
/// The listening connection only listens: each round leases its own connection and is bounded by
/// ``Configuration/roundDeadline`` (see ``withDatabaseDeadline(_:_:closing:_:)``). A round still
/// unfinished then (a lost connection whose request never completes, a lock that is never released) is
/// given up: its connection is closed, so the server rolls the round back and frees its claims, the
/// time-out is logged and counted (`sla_timer_round_timeouts_total`), and the next round claims the
/// clocks again. A rolled-back round wrote no card and marked none issued (both are in its
/// transaction); a round that committed just before the deadline marked its cards issued, so the next
/// round does not issue them again.
struct DeadlineTimer: Service, CustomStringConvertible {
    /// Timer settings.
    struct Configuration: Sendable {
        /// Most runs per round. Default 500.
        var batchSize = 500
        /// Longest sleep between rounds. Default 1 s.
        var maximumSleep: Duration = .seconds(1)
        /// Longest database work of one round (its transaction and the look-up of the next due time)
        /// before the round is given up and its connection closed. Default 60 s.
        var roundDeadline: Duration = .seconds(60)
        /// Waits after database failures. Default 100 ms → 10 s.
        var backoff = RetryBackoff()
    }

    let client: PostgresClient
    let outbox: Outbox
    let reference: DeadlineReference
    let metrics: SLAMetrics
    let configuration: Configuration
    /// The `NOTIFY` channel the consumer wakes the timer on.
    let channel: String
    let logger: Logger
    /// The current time (tests pass a controlled one).
    let now: @Sendable () -> Date
    let store = DueCardStore()

    var description: String { "DeadlineTimer" }

    func run() async throws {
        var failures = 0
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            do {
                try await client.withConnection { listener in
                    let wakeup = WakeSignal()
                    try await listener.listen(on: channel) { notifications in
                        try await withThrowingTaskGroup(of: Void.self) { group in
                            group.addTask {
                                for try await _ in notifications { wakeup.signal() }
                            }
                            try await issueWhileRunning(wakeup: wakeup) { failures = 0 }
                            group.cancelAll()
                        }
                    }
                }
            } catch is CancellationError {
                break
            } catch {
                failures += 1
                let delay = configuration.backoff.delay(afterFailures: failures)
                logger.error(
                    "deadline timer failed; retrying",
                    metadata: ["error": "\(String(reflecting: error))", "retry_in": "\(delay)"])
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: delay) }
            }
        }
    }

    /// Runs rounds until shutdown; sleeps when nothing more is due. A round that outlives its deadline is
    /// logged and counted, and the next one starts at once.
    private func issueWhileRunning(wakeup: WakeSignal, succeeded: () -> Void) async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            let round: BoundedRound
            do {
                round = try await boundedRound(at: now())
            } catch let timeout as DatabaseDeadlineExceeded {
                metrics.timerRoundTimeouts.increment()
                logger.warning(
                    "deadline timer round timed out; its connection was closed and the next round claims the clocks again",
                    metadata: ["error": "\(timeout)"])
                continue
            }
            succeeded()
            if round.claimed == configuration.batchSize { continue }
            let wait = Self.sleep(until: round.nextCardAt, now: now(), maximum: configuration.maximumSleep)
            if wait > .zero {
                await cancelWhenGracefulShutdown { await wakeup.wait(timeout: wait) }
            }
        }
    }

    /// How long to sleep before the card due at `next`: until then, at most `maximum`.
    static func sleep(until next: Date?, now: Date, maximum: Duration) -> Duration {
        guard let next else { return maximum }
        return min(maximum, .milliseconds(Int64((max(0, next.timeIntervalSince(now)) * 1000).rounded(.up))))
    }

    /// One round at `now`: claims due runs, writes their cards to the outbox and marks them issued, in
    /// one transaction. Returns how many runs were claimed.
    @discardableResult
    func issueRound(at now: Date, on connection: PostgresConnection) async throws -> Int {
        let started = ContinuousClock.now
        let (claimed, round) = try await outbox.withTransaction(on: connection, logger: logger) { transaction in
            let claimed = try await store.claim(dueAt: now, limit: configuration.batchSize, on: transaction.connection, logger: logger)
            let round = CardRound(claimed: claimed, now: now, reference: reference)
            for planned in round.planned {
                let event = try CloudEvent(
                    id: planned.issued.eventID, source: ContractSource.slaMonitor, type: planned.data.type,
                    subject: planned.data.caseId.description, time: now, payload: planned.data)
                try transaction.enqueue(event, topic: ContractTopic.caseLifecycle)
            }
            try await store.markIssued(round.planned.map(\.issued), on: transaction.connection, logger: logger)
            return (claimed.count, round)
        }
        for planned in round.planned {
            let card = planned.data
            (card.card == .red ? metrics.redCards : metrics.yellowCards).increment()
            (card.card == .red ? metrics.redDelay : metrics.yellowDelay).record(planned.delay)
            logger.info(
                card.card == .red ? "red card issued" : "yellow card issued",
                metadata: [
                    "case_id": "\(card.caseId)", "stage": "\(card.stage.rawValue)", "due_at": "\(ContractJSON.formatTimestamp(card.dueAt))",
                    "escalation": "\(card.escalation.target.rawValue)\(card.escalation.level.map { ":\($0.rawValue)" } ?? "")",
                ])
        }
        if claimed > 0 {
            let elapsed = (ContinuousClock.now - started).components
            metrics.timerRound.recordNanoseconds(elapsed.seconds * 1_000_000_000 + elapsed.attoseconds / 1_000_000_000)
        }
        return claimed
    }
}
