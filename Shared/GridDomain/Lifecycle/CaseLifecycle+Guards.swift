extension CaseLifecycle {
    /// Why a step's guard fails for this case and actor, or `nil` when it holds.
    /// Called after the state and role checks, so only the step's own conditions are checked here.
    func guardFailure(_ action: CaseAction, on current: Case, by actor: CaseActor) -> String? {
        switch action {
        case .requestVerification:
            if current.verification?.confirmed == true { return "the report was already verified as real" }
        case .reportVerification:
            return nil
        case .file(let category, _):
            return filingFailure(current, category: category)
        case .notFile:
            return nil
        case .markDuplicate(let original):
            if original == current.id { return "a case cannot duplicate itself" }
        case .void(let reason):
            return requireReason(reason)
        case .dispatch(let lead, let coUnits):
            if let failure = assignmentFailure(lead: lead, coUnits: coUnits) { return failure }
            if current.state == .escalated, let target = current.escalatedTo, let level = actor.level, level < target {
                return "the case was escalated to \(target.rawValue); a \(level.rawValue) dispatcher cannot dispatch it"
            }
        case .redispatch(let lead, let coUnits):
            return assignmentFailure(lead: lead, coUnits: coUnits)
        case .signFor:
            return leadUnitFailure(current, actor)
        case .returnToDispatcher(let reason):
            return leadUnitFailure(current, actor) ?? requireReason(reason) ?? noPendingRequest(current)
        case .requestExtension(let amount, _):
            if let failure = leadUnitFailure(current, actor) ?? noPendingRequest(current) { return failure }
            if !amount.isPositive { return "the extension must be a positive amount" }
            if let cap = configuration.maximumExtensions, current.counters.extensionCount >= cap {
                return "the case already had \(current.counters.extensionCount) extension(s); the limit is \(cap)"
            }
        case .approveExtension(let granted):
            guard case .extensionRequest(let requested, _, _) = current.pendingRequest else {
                return "no extension request is pending"
            }
            let amount = granted ?? requested
            if !amount.isPositive { return "the granted extension must be a positive amount" }
            if amount.measure != requested.measure {
                return "the granted extension must be in \(requested.measure.rawValue) time like the request"
            }
        case .denyExtension:
            guard case .extensionRequest = current.pendingRequest else { return "no extension request is pending" }
        case .requestPark(let reason):
            return leadUnitFailure(current, actor) ?? noPendingRequest(current) ?? requireReason(reason)
        case .approvePark, .denyPark:
            guard case .parkRequest = current.pendingRequest else { return "no parking request is pending" }
        case .resume:
            return nil
        case .reportDisposal:
            if current.state == .jointResponse, let unit = actor.unit,
                current.jointResponse?.summoned.contains(unit) == true
            {
                return nil
            }
            return leadUnitFailure(current, actor)
        case .assignCheck, .passCheck:
            return nil
        case .failCheck(let reason):
            if current.assignment == nil { return "the case has no lead unit to send the rework to" }
            return requireReason(reason)
        case .recordCallback:
            if current.report.reporter.phone == nil { return "the reporter left no phone number to call back" }
            if current.callback != nil { return "the call-back is already recorded" }
        case .close:
            // Only when a call-back is possible (the reporter left a phone): see `callbackIsDue(on:)`.
            if callbackIsDue(on: current) {
                return "cases from \(current.report.channel.rawValue) whose reporter left a phone number need a call-back (回访) before closing"
            }
        case .selfDispose:
            if current.report.channel != .gridWorker {
                return "only a grid worker's own report can be self-disposed; this one came through \(current.report.channel.rawValue)"
            }
            if let reporter = current.report.reporter.accountID, reporter != actor.id {
                return "only the reporting grid worker (\(reporter)) can self-dispose"
            }
        case .escalate(let target, let reason):
            if let level = actor.level, target <= level {
                return "escalation must go above the actor's level (\(level.rawValue)); \(target.rawValue) is not"
            }
            if let last = current.escalatedTo, target <= last {
                return "the case is already escalated to \(last.rawValue); \(target.rawValue) is not higher"
            }
            return requireReason(reason)
        case .blowWhistle(let units, _):
            if units.isEmpty { return "name at least one department to summon" }
            if Set(units).count != units.count { return "a department is named twice" }
        case .reportArrival:
            guard let unit = actor.unit else { return "a disposal-unit actor must name its unit" }
            guard let response = current.jointResponse, response.summoned.contains(unit) else {
                return "\(unit) was not summoned"
            }
            if response.arrivals[unit] != nil { return "\(unit) has already reported" }
        }
        return nil
    }

    private func filingFailure(_ current: Case, category: CategoryCode?) -> String? {
        guard let category = category ?? current.category else {
            return "set a category to file the case"
        }
        if let verification = current.verification, !verification.confirmed {
            return "the verification found the report not real; it cannot be filed"
        }
        if configuration.channelsRequiringVerification.contains(current.report.channel), current.verification == nil {
            return "reports from \(current.report.channel.rawValue) must be verified on site before filing"
        }
        if let component = current.report.componentID {
            do {
                try CaseReport.check(component, against: category)
            } catch {
                return error.description
            }
        }
        return nil
    }

    private func assignmentFailure(lead: UnitID, coUnits: [UnitID]) -> String? {
        if coUnits.contains(lead) { return "the lead unit \(lead) cannot also be a co-unit" }
        if Set(coUnits).count != coUnits.count { return "a co-unit is named twice" }
        return nil
    }

    private func leadUnitFailure(_ current: Case, _ actor: CaseActor) -> String? {
        guard let unit = actor.unit else { return "a disposal-unit actor must name its unit" }
        guard let lead = current.assignment?.lead else { return "the case has no lead unit" }
        return unit == lead ? nil : "\(unit) is not the lead unit (\(lead))"
    }

    private func noPendingRequest(_ current: Case) -> String? {
        switch current.pendingRequest {
        case nil: nil
        case .extensionRequest: "an extension request is already pending"
        case .parkRequest: "a parking request is already pending"
        }
    }

    private func requireReason(_ reason: String) -> String? {
        reason.allSatisfy(\.isWhitespace) ? "give a reason" : nil
    }
}
