import Foundation
import GridDomain

/// Actors, reports and cases in every state, for the lifecycle tests.
enum LifecycleFixtures {
    static let lifecycle = CaseLifecycle()
    static let start = CalendarFixtures.at("2025-03-03 09:00")

    static let gridWorker = CaseActor(role: .gridWorker, id: "gw-1", level: .grid)
    static let otherGridWorker = CaseActor(role: .gridWorker, id: "gw-2", level: .grid)
    static let supervisor = CaseActor(role: .supervisor, id: "sv-1")
    static let intake = CaseActor(role: .intakeOperator, id: "op-1")
    static let shiftLead = CaseActor(role: .shiftLead, id: "sl-1", level: .street)
    static let dispatcher = CaseActor(role: .dispatcher, id: "dp-1", level: .street)
    static let districtDispatcher = CaseActor(role: .dispatcher, id: "dp-9", level: .district)
    static let unitA = CaseActor(role: .disposalUnit, id: "ua-1", unit: UnitID("U-A"))
    static let unitB = CaseActor(role: .disposalUnit, id: "ub-1", unit: UnitID("U-B"))
    static let hotlineAgent = CaseActor(role: .hotlineAgent, id: "hl-1")
    static let citizen = CaseActor(role: .citizen, id: "c-1")
    static let routing = CaseActor.system("routing")
    static let otherCase = CaseID()

    /// An actor for any role, carrying unit U-A and street level so only the role decides.
    static func actor(_ role: ActorRole) -> CaseActor {
        CaseActor(role: role, id: "any-\(role.rawValue)", unit: UnitID("U-A"), level: .street)
    }

    static func category(_ text: String) -> CategoryCode { try! CategoryCode(text) }

    static func report(
        channel: CaseChannel = .gridWorker, category: CategoryCode? = category("E0102"), accountID: String? = "gw-1",
        phone: String? = "13812345678", confidential: Bool = false, componentID: ComponentID? = nil
    ) -> CaseReport {
        try! CaseReport(
            channel: channel,
            reporter: Reporter(
                name: .name("张三"), phone: phone.map(PersonalData.phone), accountID: accountID, confidential: confidential),
            reportedAt: start,
            location: CaseLocation(point: .init(longitude: 120.21, latitude: 30.25), place: PlaceCode("339901001001001")),
            category: category, details: "路边有暴露垃圾", componentID: componentID)
    }

    /// A freshly opened case.
    static func opened(_ report: CaseReport = report(), by actor: CaseActor = gridWorker) -> Case {
        try! lifecycle.open(id: CaseID(), number: CaseNumber("LJ2025030300001"), report: report, by: actor, at: start).case
    }

    /// Applies steps one minute apart.
    static func applying(_ steps: [(CaseAction, CaseActor)], to initial: Case, lifecycle: CaseLifecycle = lifecycle) throws -> Case {
        var current = initial
        for (action, actor) in steps {
            try lifecycle.apply(action, to: &current, by: actor, at: current.updatedAt.addingTimeInterval(60))
        }
        return current
    }

    /// The steps that take a fresh grid-worker case to each state.
    static func path(to state: CaseState) -> [(CaseAction, CaseActor)] {
        let file: [(CaseAction, CaseActor)] = [(.file(category: nil, urgency: nil), intake)]
        let dispatch = file + [(.dispatch(lead: UnitID("U-A"), coUnits: []), dispatcher)]
        let sign = dispatch + [(.signFor, unitA)]
        let dispose = sign + [(.reportDisposal(note: "已清运", attachments: []), unitA)]
        let check = dispose + [(.assignCheck, intake)]
        switch state {
        case .reported: return []
        case .verifying: return [(.requestVerification, intake)]
        case .filed: return file
        case .notFiled: return [(.notFile(reason: .belowFilingStandard, note: nil), intake)]
        case .duplicate: return [(.markDuplicate(of: otherCase), intake)]
        case .void: return file + [(.void(reason: "虚假上报"), shiftLead)]
        case .dispatched: return dispatch
        case .returned: return dispatch + [(.returnToDispatcher(reason: "不属本单位"), unitA)]
        case .inDisposal: return sign
        case .parked: return sign + [(.requestPark(reason: "需立项"), unitA), (.approvePark, shiftLead)]
        case .disposed: return dispose
        case .checking: return check
        case .rework: return check + [(.failCheck(reason: "仍有垃圾"), supervisor)]
        case .checked: return check + [(.passCheck(note: nil), supervisor)]
        case .closed: return check + [(.passCheck(note: nil), supervisor), (.close, shiftLead)]
        case .escalated: return file + [(.escalate(to: .district, reason: "街道无法解决"), dispatcher)]
        case .jointResponse: return file + [(.blowWhistle(units: [UnitID("U-A"), UnitID("U-B")], reason: "多部门联合处置"), shiftLead)]
        }
    }

    /// A case in a state.
    static func caseIn(_ state: CaseState) throws -> Case {
        try applying(path(to: state), to: opened())
    }

    /// A representative step of each kind, by an actor who satisfies its guard in a suitable state.
    static func sample(_ kind: CaseAction.Kind) -> (CaseAction, CaseActor) {
        switch kind {
        case .requestVerification: (.requestVerification, intake)
        case .reportVerification: (.reportVerification(confirmed: true, note: "属实"), supervisor)
        case .file: (.file(category: category("E0102"), urgency: .urgent), shiftLead)
        case .notFile: (.notFile(reason: .notAccepted, note: nil), intake)
        case .markDuplicate: (.markDuplicate(of: otherCase), intake)
        case .void: (.void(reason: "虚假上报"), shiftLead)
        case .dispatch: (.dispatch(lead: UnitID("U-A"), coUnits: [UnitID("U-C")]), districtDispatcher)
        case .signFor: (.signFor, unitA)
        case .returnToDispatcher: (.returnToDispatcher(reason: "不属本单位"), unitA)
        case .redispatch: (.redispatch(lead: UnitID("U-B"), coUnits: []), dispatcher)
        case .requestExtension: (.requestExtension(.workingHours(4), reason: "需要协调"), unitA)
        case .approveExtension: (.approveExtension(granted: nil), shiftLead)
        case .denyExtension: (.denyExtension(reason: "理由不足"), shiftLead)
        case .requestPark: (.requestPark(reason: "需立项"), unitA)
        case .approvePark: (.approvePark, shiftLead)
        case .denyPark: (.denyPark(reason: "可以处置"), shiftLead)
        case .resume: (.resume, shiftLead)
        case .reportDisposal: (.reportDisposal(note: "已处置", attachments: [URL(string: "https://media.example/1.jpg")!]), unitA)
        case .assignCheck: (.assignCheck, intake)
        case .passCheck: (.passCheck(note: "合格"), supervisor)
        case .failCheck: (.failCheck(reason: "不合格"), supervisor)
        case .recordCallback: (.recordCallback(satisfaction: .satisfied, note: nil), hotlineAgent)
        case .close: (.close, shiftLead)
        case .selfDispose: (.selfDispose(note: "当场清理", attachments: []), gridWorker)
        case .escalate: (.escalate(to: .city, reason: "区级无法解决"), dispatcher)
        case .blowWhistle: (.blowWhistle(units: [UnitID("U-A"), UnitID("U-B")], reason: "联合执法"), shiftLead)
        case .reportArrival: (.reportArrival, unitA)
        }
    }

    /// A case in `state`, with the pending request `kind` needs when it decides one.
    static func prepared(_ state: CaseState, for kind: CaseAction.Kind) throws -> Case {
        let base = try caseIn(state)
        guard state == .inDisposal else { return base }
        switch kind {
        case .approveExtension, .denyExtension: return try applying([sample(.requestExtension)], to: base)
        case .approvePark, .denyPark: return try applying([sample(.requestPark)], to: base)
        default: return base
        }
    }
}
