import Foundation
public import GridDomain

extension RoutingWorkspace {
    /// Acts on every case a step moved in this workspace that now waits for routing: a `filed` case is
    /// dispatched by the 权责清单 (resolved at its filing time), a `returned` one re-dispatched excluding
    /// every unit that returned it (resolved at the return time), and either goes to the manual-dispatch
    /// queue when the list names no single unit; an `escalated` case always goes to the queue (the
    /// higher level dispatches by hand). Cases already queued wait for their dispatcher.
    ///
    /// Call once, after the workspace's events and steps, before saving.
    public mutating func settle(now: Date) {
        let candidates = stepped
        for id in candidates {
            guard let replica = replicas[id], !replica.queued else { continue }
            let current = replica.current
            switch current.state {
            case .filed:
                carryOut(
                    dispatcher.plan(
                        for: current, placement: replica.placement, at: current.updatedAt, excluding: replica.returnedBy,
                        afterReturn: false),
                    on: id, now: now)
            case .returned:
                carryOut(
                    dispatcher.plan(
                        for: current, placement: replica.placement, at: current.updatedAt, excluding: replica.returnedBy,
                        afterReturn: true),
                    on: id, now: now)
            case .escalated:
                let plan = dispatcher.planEscalated(
                    current, placement: replica.placement, at: current.updatedAt, reason: escalationReasons[id])
                enqueueForDispatcher(id, plan, now: now)
            default:
                continue
            }
        }
    }

    private mutating func carryOut(_ plan: DispatchPlan, on id: CaseID, now: Date) {
        switch plan {
        case .dispatch(let assignment, let account):
            guard let state = replicas[id]?.current.state else { return }
            let action: CaseAction =
                state == .returned
                ? .redispatch(lead: assignment.lead, coUnits: assignment.coUnits)
                : .dispatch(lead: assignment.lead, coUnits: assignment.coUnits)
            let summary = "\(account.category) in grid \(account.grid) → \(assignment)"
            let details = DispatchDetails(
                assignment: assignment, explanation: DispatchExplanation(method: .automatic, summary: summary, resolver: account))
            do throws(LifecycleError) {
                try take(action, on: id, by: Self.systemActor, at: stepTime(for: id, now: now), dispatch: details)
                outcomes.automaticDispatches += 1
            } catch {
                enqueueForDispatcher(
                    id,
                    .init(
                        reason: .noResponsibleUnit,
                        explanation: "the responsibility list named \(assignment.lead), but the dispatch was refused: \(error.reason)",
                        candidates: [assignment.lead], resolver: account),
                    now: now)
            }
        case .manual(let manual):
            enqueueForDispatcher(id, manual, now: now)
        }
    }

    /// Puts a case in the manual-dispatch queue and announces it.
    mutating func enqueueForDispatcher(_ id: CaseID, _ plan: DispatchPlan.ManualDispatch, now: Date) {
        guard var replica = replicas[id] else { return }
        let entry = QueueEntry(
            caseID: id, asOfSequence: replica.current.lastSequence, reason: plan.reason, explanation: plan.explanation,
            resolver: plan.resolver, candidates: plan.candidates, since: now)
        pendingEntryIndexInsert(id)
        queueEntries.append(entry)
        replica.queued = true
        replicas[id] = replica
        markChanged(id)
        outcomes.queued[plan.reason, default: 0] += 1
        outgoing.append(
            .manualDispatchRequired(
                ManualDispatchRequiredV1(
                    caseId: id, reason: plan.reason, explanation: plan.explanation, candidates: plan.candidates,
                    detectedAt: now, asOfSequence: replica.current.lastSequence, snapshot: replica.snapshot)))
    }
}
