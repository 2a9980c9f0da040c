import Foundation
import GridDomain
import PostgresNIO

/// The `stage_clocks` row form of a ``TrackedClock``.
enum StoredClockRow {
    /// Rebuilds a run from its stored columns.
    static func trackedClock(
        caseID: CaseID, stage: String, run: Int, clock: String, escalation: String, rule: String, yellowIssuedAt: Date?,
        redIssuedAt: Date?
    ) throws -> TrackedClock {
        guard let stage = CaseStage(rawValue: stage) else { throw StoredDataError("unknown stage '\(stage)' in stage_clocks") }
        let target: EscalationTarget
        do {
            target = try EscalationTarget(escalation)
        } catch {
            throw StoredDataError("unreadable escalation '\(escalation)' in stage_clocks: \(error.message)")
        }
        return TrackedClock(
            key: TrackedClock.Key(caseID: caseID, stage: stage, run: run), clock: try StoredJSON.clock(clock), escalation: target,
            rule: rule, yellowIssuedAt: yellowIssuedAt, redIssuedAt: redIssuedAt)
    }

    /// Column arrays of runs to upsert in one statement.
    struct Columns {
        var caseIDs: [UUID] = []
        var stages: [String] = []
        var runs: [Int] = []
        var statuses: [String] = []
        var startedAt: [Date] = []
        var stoppedAt: [Date] = []
        var pausedAt: [Date] = []
        var limitAmounts: [Int] = []
        var limitUnits: [String] = []
        var yellowFractions: [Double] = []
        var escalations: [String] = []
        var rules: [String] = []
        var extensions: [String] = []
        var clocks: [String] = []
        var yellowAt: [Date] = []
        var dueAt: [Date] = []
        var redAt: [Date] = []

        var isEmpty: Bool { caseIDs.isEmpty }

        mutating func append(_ run: TrackedClock, times: ClockTimes) throws {
            let limit = TimeLimitV1(run.clock.limit)
            caseIDs.append(run.key.caseID.rawValue)
            stages.append(run.key.stage.rawValue)
            runs.append(run.key.run)
            statuses.append(run.status.rawValue)
            startedAt.append(run.clock.startedAt)
            stoppedAt.append(run.clock.stoppedAt ?? StoredJSON.noDate)
            pausedAt.append(run.clock.isPaused ? (run.clock.pauses.last?.from ?? StoredJSON.noDate) : StoredJSON.noDate)
            limitAmounts.append(limit.amount)
            limitUnits.append(limit.unit.rawValue)
            yellowFractions.append(run.clock.yellowFraction)
            escalations.append(run.escalation.description)
            rules.append(run.rule)
            extensions.append(try StoredJSON.text(run.clock.extensions.map { TimeLimitV1($0.granted) }))
            clocks.append(try StoredJSON.text(run.clock))
            yellowAt.append(times.yellowAt ?? StoredJSON.noDate)
            dueAt.append(times.dueAt ?? StoredJSON.noDate)
            redAt.append(times.redAt ?? StoredJSON.noDate)
        }
    }
}

/// A stored row the monitor cannot read back (written by a newer version, or edited by hand).
struct StoredDataError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
