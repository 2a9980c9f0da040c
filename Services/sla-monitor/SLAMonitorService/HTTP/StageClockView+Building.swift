import Foundation
import GridDomain

extension StageClockView {
    /// The view of `run` at `now`, for the case as of `snapshot`. Times the calendar cannot compute
    /// (outside its coverage) are left out rather than failing the request.
    init(_ run: TrackedClock, snapshot: CaseSnapshotV1, reference: DeadlineReference, now: Date) {
        let calendar = reference.calendar
        let clock = run.clock
        let times = try? ClockTimes(of: clock, calendar: calendar)
        let stamp = ContractJSON.formatTimestamp
        self.init(
            stage: run.key.stage, run: run.key.run, status: run.status, measure: clock.measure, startedAt: stamp(clock.startedAt),
            limit: TimeLimitV1(clock.limit), extensions: clock.extensions.map { TimeLimitV1($0.granted) },
            yellowAt: times?.yellowAt.map(stamp), dueAt: times?.dueAt.map(stamp),
            remainingSeconds: run.status == .stopped ? nil : (try? clock.remaining(at: now, calendar: calendar))?.components.seconds,
            elapsedSeconds: (try? clock.elapsed(at: now, calendar: calendar))?.components.seconds,
            card: (try? clock.card(at: now, calendar: calendar)) ?? .none,
            yellowIssuedAt: run.yellowIssuedAt.map(stamp), redIssuedAt: run.redIssuedAt.map(stamp),
            pausedAt: clock.isPaused ? clock.pauses.last.map { stamp($0.from) } : nil, stoppedAt: clock.stoppedAt.map(stamp),
            escalation: reference.escalation(for: run.escalation, snapshot: snapshot), rule: run.rule)
    }
}
