import Foundation

extension CaseLifecycle {
    /// Records a step's data on the case (everything but the state, time and sequence) and returns
    /// its effects on the stage clocks. Called only after all checks passed.
    func perform(_ action: CaseAction, on current: inout Case, by actor: CaseActor, at time: Date) -> [StageClockEffect] {
        switch action {
        case .requestVerification:
            return [.stop(.accept), .start(.verify)]
        case .reportVerification(let confirmed, let note):
            current.verification = CaseVerification(confirmed: confirmed, note: note, verifiedBy: actor, verifiedAt: time)
            return [.stop(.verify), .start(.file)]
        case .file(let category, let urgency):
            if let category { current.category = category }
            if let urgency { current.urgency = urgency }
            return [.stop(.accept), .stop(.file), .start(.dispatch)]
        case .notFile, .void, .close:
            return [.stopAll]
        case .markDuplicate(let original):
            current.duplicateOf = original
            return [.stopAll]
        case .dispatch(let lead, let coUnits):
            current.assignment = CaseAssignment(lead: lead, coUnits: coUnits)
            return [.stop(.dispatch), .start(.signFor), .start(.dispose)]
        case .redispatch(let lead, let coUnits):
            current.assignment = CaseAssignment(lead: lead, coUnits: coUnits)
            current.counters.redispatchCount += 1
            return [.stop(.dispatch), .start(.signFor), .start(.dispose)]
        case .signFor:
            return [.stop(.signFor)]
        case .returnToDispatcher:
            current.counters.returnCount += 1
            return [.stop(.signFor), .stop(.dispose), .start(.dispatch)]
        case .requestExtension(let amount, let reason):
            current.pendingRequest = .extensionRequest(amount, reason: reason, requestedAt: time)
            current.counters.extensionRequestCount += 1
            return []
        case .approveExtension(let granted):
            guard case .extensionRequest(let requested, _, _) = current.pendingRequest else { return [] }
            let amount = granted ?? requested
            current.pendingRequest = nil
            current.counters.extensionsGranted.append(amount)
            return [.extend(.dispose, by: amount)]
        case .denyExtension, .denyPark:
            current.pendingRequest = nil
            return []
        case .requestPark(let reason):
            current.pendingRequest = .parkRequest(reason: reason, requestedAt: time)
            return []
        case .approvePark:
            current.pendingRequest = nil
            current.counters.parkCount += 1
            return [.pause(.dispose)]
        case .resume:
            return [.resume(.dispose)]
        case .reportDisposal:
            current.pendingRequest = nil
            return [.stop(.signFor), .stop(.dispose)]
        case .assignCheck:
            return [.start(.check)]
        case .passCheck:
            return [.stop(.check), .start(.close)]
        case .failCheck:
            current.counters.reworkCount += 1
            return [.stop(.check), .start(.signFor), .start(.dispose)]
        case .recordCallback(let satisfaction, let note):
            current.callback = CaseCallback(satisfaction: satisfaction, note: note, calledBackBy: actor, calledBackAt: time)
            return []
        case .selfDispose:
            current.counters.selfDisposed = true
            return [.stopAll]
        case .escalate(let target, _):
            current.escalatedTo = target
            current.pendingRequest = nil
            current.counters.escalationCount += 1
            return [.stopAll, .start(.dispatch)]
        case .blowWhistle(let units, _):
            current.jointResponse = JointResponse(summoned: units, blownAt: time)
            current.pendingRequest = nil
            return [.stopAll, .start(.signFor), .start(.dispose)]
        case .reportArrival:
            guard let unit = actor.unit else { return [] }
            current.jointResponse?.recordArrival(of: unit, at: time)
            return current.jointResponse?.allArrived == true ? [.stop(.signFor)] : []
        }
    }
}
