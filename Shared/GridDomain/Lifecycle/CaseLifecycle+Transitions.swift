extension CaseLifecycle {
    /// Every legal move, in loop order. This table is the lifecycle's single source of truth:
    /// `apply` refuses any (state, step) pair not listed and any role not named; `docs/lifecycle.md`
    /// draws it.
    public static let transitions: [CaseTransition] = [
        // Intake, verification and filing (受理、核实、立案).
        CaseTransition(.reported, .requestVerification, .verifying, [.intakeOperator, .system],
                       "no confirmed verification yet"),
        CaseTransition(.verifying, .reportVerification, .reported, [.supervisor, .gridWorker]),
        // `system`: automatic filing by intake when the category's filing rule needs no operator
        // (e.g. a supervisor's report, or a hotline order whose category needs no verification).
        CaseTransition(.reported, .file, .filed, [.intakeOperator, .shiftLead, .system],
                       "a category is known; a confirmed verification when the channel requires one or a verification was made; a component id fits the category"),
        CaseTransition(.reported, .notFile, .notFiled, [.intakeOperator, .shiftLead]),
        CaseTransition(.reported, .markDuplicate, .duplicate, [.intakeOperator, .shiftLead], "not a duplicate of itself"),
        CaseTransition(.filed, .markDuplicate, .duplicate, [.intakeOperator, .shiftLead], "not a duplicate of itself"),
        CaseTransition(.reported, .selfDispose, .closed, [.gridWorker],
                       "reported through the grid-worker channel by the same grid worker"),
        // Void (作废) of a filed case that has not reached disposal.
        CaseTransition(.filed, .void, .void, [.shiftLead], "a reason is given"),
        CaseTransition(.dispatched, .void, .void, [.shiftLead], "a reason is given"),
        CaseTransition(.returned, .void, .void, [.shiftLead], "a reason is given"),
        CaseTransition(.escalated, .void, .void, [.shiftLead], "a reason is given"),
        // Dispatch, sign-for, return, re-dispatch (派遣、签收、退回、改派).
        CaseTransition(.filed, .dispatch, .dispatched, [.dispatcher, .system], "co-units exclude the lead and are distinct"),
        CaseTransition(.escalated, .dispatch, .dispatched, [.dispatcher, .system],
                       "co-units exclude the lead and are distinct; the dispatcher works at or above the level escalated to"),
        CaseTransition(.dispatched, .signFor, .inDisposal, [.disposalUnit], "the actor acts for the lead unit"),
        CaseTransition(.rework, .signFor, .inDisposal, [.disposalUnit], "the actor acts for the lead unit"),
        CaseTransition(.dispatched, .returnToDispatcher, .returned, [.disposalUnit], "the actor acts for the lead unit; a reason is given"),
        CaseTransition(.inDisposal, .returnToDispatcher, .returned, [.disposalUnit],
                       "the actor acts for the lead unit; a reason is given; no request is pending"),
        // `system`: routing re-dispatches by the 权责清单, excluding the units that returned the case.
        CaseTransition(.returned, .redispatch, .dispatched, [.dispatcher, .system], "co-units exclude the lead and are distinct"),
        // Extension and parking requests (延期、挂账) while in disposal.
        CaseTransition(.inDisposal, .requestExtension, .inDisposal, [.disposalUnit],
                       "the actor acts for the lead unit; no request is pending; a positive amount; under the extension cap"),
        CaseTransition(.inDisposal, .approveExtension, .inDisposal, [.shiftLead],
                       "an extension request is pending; a granted amount is positive"),
        CaseTransition(.inDisposal, .denyExtension, .inDisposal, [.shiftLead], "an extension request is pending"),
        CaseTransition(.inDisposal, .requestPark, .inDisposal, [.disposalUnit],
                       "the actor acts for the lead unit; no request is pending; a reason is given"),
        CaseTransition(.inDisposal, .approvePark, .parked, [.shiftLead], "a parking request is pending"),
        CaseTransition(.inDisposal, .denyPark, .inDisposal, [.shiftLead], "a parking request is pending"),
        CaseTransition(.parked, .resume, .inDisposal, [.shiftLead, .dispatcher]),
        // Disposal, check, close (处置、核查、结案).
        CaseTransition(.inDisposal, .reportDisposal, .disposed, [.disposalUnit],
                       "the actor acts for the lead unit (a pending request lapses)"),
        CaseTransition(.jointResponse, .reportDisposal, .disposed, [.disposalUnit],
                       "the actor acts for the lead unit or a summoned department"),
        CaseTransition(.disposed, .assignCheck, .checking, [.intakeOperator, .system]),
        CaseTransition(.checking, .passCheck, .checked, [.supervisor, .gridWorker]),
        CaseTransition(.checking, .failCheck, .rework, [.supervisor, .gridWorker], "a reason is given; the case has a lead unit"),
        CaseTransition(.checked, .recordCallback, .checked, [.hotlineAgent, .intakeOperator],
                       "the reporter left a phone number; no call-back recorded yet"),
        // `system`: intake closes a case automatically after a passed check when the city allows it.
        CaseTransition(
            .checked, .close, .closed, [.shiftLead, .system],
            "a call-back is recorded when the channel requires one and the reporter left a phone number"),
        // Escalation and joint response (上报上级、吹哨报到).
        CaseTransition(.filed, .escalate, .escalated, [.dispatcher, .shiftLead], "the target level is above the actor's and the last escalation's; a reason is given"),
        CaseTransition(.returned, .escalate, .escalated, [.dispatcher, .shiftLead], "the target level is above the actor's and the last escalation's; a reason is given"),
        CaseTransition(.inDisposal, .escalate, .escalated, [.dispatcher, .shiftLead], "the target level is above the actor's and the last escalation's; a reason is given"),
        CaseTransition(.escalated, .escalate, .escalated, [.dispatcher, .shiftLead], "the target level is above the actor's and the last escalation's; a reason is given"),
        CaseTransition(.filed, .blowWhistle, .jointResponse, [.shiftLead], "at least one department, none twice"),
        CaseTransition(.returned, .blowWhistle, .jointResponse, [.shiftLead], "at least one department, none twice"),
        CaseTransition(.escalated, .blowWhistle, .jointResponse, [.shiftLead], "at least one department, none twice"),
        CaseTransition(.inDisposal, .blowWhistle, .jointResponse, [.shiftLead], "at least one department, none twice"),
        CaseTransition(.jointResponse, .reportArrival, .jointResponse, [.disposalUnit],
                       "the actor acts for a summoned department that has not reported yet"),
    ]

    /// The transitions by (state, step), for lookups.
    static let transitionIndex: [CaseState: [CaseAction.Kind: CaseTransition]] = {
        var index: [CaseState: [CaseAction.Kind: CaseTransition]] = [:]
        for transition in transitions {
            precondition(index[transition.from]?[transition.action] == nil, "duplicate transition \(transition)")
            index[transition.from, default: [:]][transition.action] = transition
        }
        return index
    }()

    /// The legal move for a step in a state, or `nil` when the step is not possible there.
    public static func transition(from state: CaseState, action: CaseAction.Kind) -> CaseTransition? {
        transitionIndex[state]?[action]
    }

    /// The steps a role may take in a state (before guards, which depend on the case).
    public static func actions(in state: CaseState, for role: ActorRole) -> [CaseAction.Kind] {
        CaseAction.Kind.allCases.filter { transition(from: state, action: $0)?.roles.contains(role) ?? false }
    }

    /// Which roles may open a case through each channel.
    public static func reporterRoles(for channel: CaseChannel) -> Set<ActorRole> {
        switch channel {
        case .supervisor: [.supervisor]
        case .gridWorker: [.gridWorker]
        case .citizenApp: [.citizen, .system]
        case .hotline12345, .hotline12319: [.hotlineAgent, .intakeOperator, .system]
        case .open311: [.citizen, .system]
        case .sensing: [.system]
        case .referral: [.intakeOperator, .shiftLead, .system]
        }
    }
}
