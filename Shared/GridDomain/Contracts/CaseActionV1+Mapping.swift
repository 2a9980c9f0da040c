extension CaseActionV1 {
    /// The contract form of a domain step.
    public init(_ action: CaseAction) {
        switch action {
        case .requestVerification: self = .requestVerification
        case .reportVerification(let confirmed, let note): self = .reportVerification(confirmed: confirmed, note: note)
        case .file(let category, let urgency): self = .file(category: category, urgency: urgency)
        case .notFile(let reason, let note): self = .notFile(reason: reason, note: note)
        case .markDuplicate(let original): self = .markDuplicate(of: original)
        case .void(let reason): self = .void(reason: reason)
        case .dispatch(let lead, let coUnits): self = .dispatch(lead: lead, coUnits: coUnits)
        case .signFor: self = .signFor
        case .returnToDispatcher(let reason): self = .returnToDispatcher(reason: reason)
        case .redispatch(let lead, let coUnits): self = .redispatch(lead: lead, coUnits: coUnits)
        case .requestExtension(let amount, let reason): self = .requestExtension(TimeLimitV1(amount), reason: reason)
        case .approveExtension(let granted): self = .approveExtension(granted: granted.map(TimeLimitV1.init))
        case .denyExtension(let reason): self = .denyExtension(reason: reason)
        case .requestPark(let reason): self = .requestPark(reason: reason)
        case .approvePark: self = .approvePark
        case .denyPark(let reason): self = .denyPark(reason: reason)
        case .resume: self = .resume
        case .reportDisposal(let note, let attachments): self = .reportDisposal(note: note, attachments: attachments)
        case .assignCheck: self = .assignCheck
        case .passCheck(let note): self = .passCheck(note: note)
        case .failCheck(let reason): self = .failCheck(reason: reason)
        case .recordCallback(let satisfaction, let note): self = .recordCallback(satisfaction: satisfaction, note: note)
        case .close: self = .close
        case .selfDispose(let note, let attachments): self = .selfDispose(note: note, attachments: attachments)
        case .escalate(let level, let reason): self = .escalate(to: level, reason: reason)
        case .blowWhistle(let units, let reason): self = .blowWhistle(units: units, reason: reason)
        case .reportArrival: self = .reportArrival
        }
    }

    /// The domain step. Throws only when a time limit's amount overflows.
    public func caseAction() throws(ContractValidationError) -> CaseAction {
        switch self {
        case .requestVerification: .requestVerification
        case .reportVerification(let confirmed, let note): .reportVerification(confirmed: confirmed, note: note)
        case .file(let category, let urgency): .file(category: category, urgency: urgency)
        case .notFile(let reason, let note): .notFile(reason: reason, note: note)
        case .markDuplicate(let original): .markDuplicate(of: original)
        case .void(let reason): .void(reason: reason)
        case .dispatch(let lead, let coUnits): .dispatch(lead: lead, coUnits: coUnits)
        case .signFor: .signFor
        case .returnToDispatcher(let reason): .returnToDispatcher(reason: reason)
        case .redispatch(let lead, let coUnits): .redispatch(lead: lead, coUnits: coUnits)
        case .requestExtension(let amount, let reason):
            .requestExtension(try amount.timeLimit(field: "action.requested"), reason: reason)
        case .approveExtension(let granted):
            .approveExtension(granted: try granted.map { (limit) throws(ContractValidationError) in
                try limit.timeLimit(field: "action.granted")
            })
        case .denyExtension(let reason): .denyExtension(reason: reason)
        case .requestPark(let reason): .requestPark(reason: reason)
        case .approvePark: .approvePark
        case .denyPark(let reason): .denyPark(reason: reason)
        case .resume: .resume
        case .reportDisposal(let note, let attachments): .reportDisposal(note: note, attachments: attachments)
        case .assignCheck: .assignCheck
        case .passCheck(let note): .passCheck(note: note)
        case .failCheck(let reason): .failCheck(reason: reason)
        case .recordCallback(let satisfaction, let note): .recordCallback(satisfaction: satisfaction, note: note)
        case .close: .close
        case .selfDispose(let note, let attachments): .selfDispose(note: note, attachments: attachments)
        case .escalate(let level, let reason): .escalate(to: level, reason: reason)
        case .blowWhistle(let units, let reason): .blowWhistle(units: units, reason: reason)
        case .reportArrival: .reportArrival
        }
    }
}
