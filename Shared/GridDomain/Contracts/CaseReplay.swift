/// Rebuilds and advances a service's replica of a case from the lifecycle events it consumes, in
/// sequence order: `open` for `gridloop.case.reported.v1`, then `apply` for each step. Each step is
/// re-validated by `CaseLifecycle` (which must have the producer's configuration), and the result is
/// compared with the event, so a replica that drifted from the owner's case is noticed at once.
///
/// The replica's report is the masked report of the opening event; clear personal data exist only in
/// intake's own tables.
public enum CaseReplay {
    /// What applying a step did.
    public enum Outcome: Sendable, Hashable {
        /// The step was applied: the updated replica and the domain event.
        case applied(case: Case, event: CaseEvent)
        /// The replica already has the step (its sequence is not above the replica's last): nothing to do.
        case duplicate
    }

    /// Opens a replica from a case's opening event.
    public static func open(_ data: CaseReportedV1, lifecycle: CaseLifecycle) throws(CaseReplayError) -> (case: Case, event: CaseEvent) {
        func failure(_ code: CaseReplayError.Code, _ message: String) -> CaseReplayError {
            CaseReplayError(code: code, caseId: data.caseId, sequence: data.sequence, message: message)
        }
        guard data.sequence == 1 else { throw failure(.notOpening, "an opening event must have sequence 1") }
        let report: CaseReport
        do {
            report = try data.report.replicaReport()
        } catch {
            throw failure(.invalidData, error.description)
        }
        let opened: (case: Case, event: CaseEvent)
        do {
            opened = try lifecycle.open(
                id: data.caseId, number: data.caseNumber, report: report, by: data.actor.caseActor, at: data.occurredAt)
        } catch {
            throw failure(.refused, error.description)
        }
        let expected = data.clockEffects
        let actual = opened.event.clockEffects.map(StageClockEffectV1.init)
        guard expected == actual else {
            throw failure(.diverged, "clock effects \(actual) on the replica, \(expected) in the event")
        }
        return opened
    }

    /// Applies a step to a replica. Returns `.duplicate` for a step the replica already has; throws a
    /// `gap` when steps are missing, `refused` when the lifecycle refuses it, `diverged` when the result
    /// differs from the event.
    public static func apply(_ data: CaseStepV1, to replica: Case, lifecycle: CaseLifecycle) throws(CaseReplayError) -> Outcome {
        func failure(_ code: CaseReplayError.Code, _ message: String) -> CaseReplayError {
            CaseReplayError(code: code, caseId: data.caseId, sequence: data.sequence, message: message)
        }
        guard data.caseId == replica.id else { throw failure(.wrongCase, "the replica is case \(replica.id)") }
        if data.sequence <= replica.lastSequence { return .duplicate }
        guard data.sequence == replica.lastSequence + 1 else {
            throw failure(.gap, "the replica's last event is \(replica.lastSequence); \(replica.lastSequence + 1) is missing")
        }
        let action: CaseAction
        do {
            action = try data.action.caseAction()
        } catch {
            throw failure(.invalidData, error.description)
        }
        let applied: (case: Case, event: CaseEvent)
        do {
            applied = try lifecycle.apply(action, to: replica, by: data.actor.caseActor, at: data.occurredAt)
        } catch {
            throw failure(.refused, error.description)
        }
        let event = applied.event
        guard event.from == data.from, event.to == data.to else {
            throw failure(
                .diverged,
                "\(event.from?.rawValue ?? "-") → \(event.to.rawValue) on the replica, \(data.from.rawValue) → \(data.to.rawValue) in the event")
        }
        let actual = event.clockEffects.map(StageClockEffectV1.init)
        guard actual == data.clockEffects else {
            throw failure(.diverged, "clock effects \(actual) on the replica, \(data.clockEffects) in the event")
        }
        return .applied(case: applied.case, event: event)
    }
}
