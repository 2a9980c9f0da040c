import Foundation
public import GridDomain

extension RoutingWorkspace {
    /// Records what an applied step does to routing's bookkeeping: a new assignment on dispatch, the
    /// task's status and times otherwise, the units that returned the case, and the settlement of a
    /// queue entry when the case moves on.
    mutating func record(_ event: CaseEvent, on replica: inout CaseReplica, dispatch: DispatchDetails?) {
        let id = replica.id
        markChanged(id)
        if !steppedSet.contains(id) {
            steppedSet.insert(id)
            stepped.append(id)
        }
        guard let action = event.action else { return }
        if replica.queued {
            settleQueueEntry(of: id, by: event)
            replica.queued = false
        }
        switch action {
        case .dispatch(let lead, let coUnits), .redispatch(let lead, let coUnits):
            replica.assignmentRound += 1
            replica.taskStatus = .dispatched
            let details = dispatch?.assignment
            let record = AssignmentRecord(
                caseID: id, round: replica.assignmentRound, dispatchSequence: event.sequence, lead: lead, coUnits: coUnits,
                dispatchedBy: "\(event.actor.role.rawValue):\(event.actor.id)", dispatchedAt: event.at, ruleID: details?.ruleID,
                listVersion: details?.listVersion, tier: details?.tier, escalation: details?.escalation ?? [],
                explanation: dispatch?.explanation)
            newAssignmentIndex[id] = newAssignments.count
            newAssignments.append(record)
            return
        case .returnToDispatcher:
            if let unit = event.actor.unit ?? replica.current.assignment?.lead, !replica.returnedBy.contains(unit) {
                replica.returnedBy.append(unit)
            }
        case .escalate(_, let reason):
            escalationReasons[id] = reason
        default:
            break
        }
        guard replica.assignmentRound > 0, let status = replica.taskStatus, !status.isFinal else { return }
        let newStatus = TaskStatus(caseState: event.to) ?? status
        replica.taskStatus = newStatus
        updateAssignment(of: id, round: replica.assignmentRound) { row in
            row.status = newStatus
            switch action {
            case .signFor: row.signedAt = event.at
            case .reportDisposal: row.disposedAt = event.at
            case .returnToDispatcher(let reason):
                row.returnedAt = event.at
                row.returnReason = reason
            case .failCheck, .blowWhistle: row.clockStartedAt = event.at
            default: break
            }
        }
    }

    /// Applies `change` to the case's assignment row: the new row of this workspace, or a change of the
    /// stored one.
    private mutating func updateAssignment(of id: CaseID, round: Int, _ change: (inout AssignmentFields) -> Void) {
        if let index = newAssignmentIndex[id], newAssignments[index].round == round {
            var fields = AssignmentFields(newAssignments[index])
            change(&fields)
            fields.apply(to: &newAssignments[index])
            return
        }
        let index: Int
        if let existing = changeIndex[id], assignmentChanges[existing].round == round {
            index = existing
        } else {
            index = assignmentChanges.count
            changeIndex[id] = index
            assignmentChanges.append(AssignmentChange(caseID: id, round: round))
        }
        var fields = AssignmentFields(assignmentChanges[index])
        change(&fields)
        fields.apply(to: &assignmentChanges[index])
    }

    private mutating func settleQueueEntry(of id: CaseID, by event: CaseEvent) {
        guard let action = event.action else { return }
        let resolution = QueueResolution(
            caseID: id, at: event.at, by: "\(event.actor.role.rawValue):\(event.actor.id)", step: action.kind)
        if let index = pendingEntryIndex.removeValue(forKey: id) {
            settledEntries[index] = resolution
        } else {
            queueResolutions.append(resolution)
        }
    }

    mutating func pendingEntryIndexInsert(_ id: CaseID) {
        pendingEntryIndex[id] = queueEntries.count
    }

    mutating func markChanged(_ id: CaseID) {
        if changed.insert(id).inserted { changedCases.append(id) }
    }
}

/// The fields a step may change on an assignment row, whether new or stored.
struct AssignmentFields {
    var status: TaskStatus?
    var clockStartedAt: Date?
    var signedAt: Date?
    var disposedAt: Date?
    var returnedAt: Date?
    var returnReason: String?

    init(_ record: AssignmentRecord) {
        status = record.status
        clockStartedAt = record.clockStartedAt
        signedAt = record.signedAt
        disposedAt = record.disposedAt
        returnedAt = record.returnedAt
        returnReason = record.returnReason
    }

    init(_ change: AssignmentChange) {
        status = change.status
        clockStartedAt = change.clockStartedAt
        signedAt = change.signedAt
        disposedAt = change.disposedAt
        returnedAt = change.returnedAt
        returnReason = change.returnReason
    }

    func apply(to record: inout AssignmentRecord) {
        if let status { record.status = status }
        if let clockStartedAt { record.clockStartedAt = clockStartedAt }
        record.signedAt = signedAt
        record.disposedAt = disposedAt
        record.returnedAt = returnedAt
        record.returnReason = returnReason
    }

    func apply(to change: inout AssignmentChange) {
        change.status = status
        change.clockStartedAt = clockStartedAt
        change.signedAt = signedAt
        change.disposedAt = disposedAt
        change.returnedAt = returnedAt
        change.returnReason = returnReason
    }
}
