import Foundation
import GridDomain
import Testing

/// Guards: steps that are legal for the state and role but refused for this case or actor.
@Suite("Lifecycle guards")
struct LifecycleGuardTests {
    typealias F = LifecycleFixtures
    let lifecycle = F.lifecycle

    /// Applies one step a minute after the case's last one and expects a guard failure mentioning `reason`.
    func expectGuard(
        _ action: CaseAction, on current: Case, by actor: CaseActor, lifecycle: CaseLifecycle = F.lifecycle, _ reason: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let error = #expect(throws: LifecycleError.self, sourceLocation: sourceLocation) {
            try lifecycle.apply(action, to: current, by: actor, at: current.updatedAt.addingTimeInterval(60))
        }
        #expect(error?.code == .guardFailed, sourceLocation: sourceLocation)
        #expect(error?.reason.contains(reason) == true, "\(String(describing: error))", sourceLocation: sourceLocation)
    }

    @Test("public reports must be verified as real before filing")
    func verificationBeforeFiling() throws {
        let citizenCase = F.opened(F.report(channel: .citizenApp, accountID: "c-1"), by: F.citizen)
        expectGuard(.file(category: nil, urgency: nil), on: citizenCase, by: F.intake, "must be verified on site")
        let refuted = try F.applying(
            [(.requestVerification, F.routing), (.reportVerification(confirmed: false, note: "未发现"), F.supervisor)], to: citizenCase)
        expectGuard(.file(category: nil, urgency: nil), on: refuted, by: F.intake, "not real")
        let confirmed = try F.applying(
            [(.requestVerification, F.routing), (.reportVerification(confirmed: true, note: nil), F.supervisor)], to: citizenCase)
        #expect(try F.applying([(.file(category: nil, urgency: nil), F.intake)], to: confirmed).state == .filed)
        expectGuard(.requestVerification, on: confirmed, by: F.intake, "already verified")
        // A city may file public reports without verification.
        let relaxed = CaseLifecycle(configuration: .init(channelsRequiringVerification: []))
        #expect(try F.applying([(.file(category: nil, urgency: nil), F.intake)], to: citizenCase, lifecycle: relaxed).state == .filed)
    }

    @Test("filing needs a category, and a component id must fit it")
    func filingCategory() throws {
        let uncategorised = F.opened(F.report(category: nil))
        expectGuard(.file(category: nil, urgency: nil), on: uncategorised, by: F.intake, "set a category")
        let filed = try F.applying([(.file(category: F.category("E0103"), urgency: .urgent), F.intake)], to: uncategorised)
        #expect(filed.category == F.category("E0103"))
        #expect(filed.urgency == .urgent)

        let cover = try ComponentID("3399010101000123")
        let component = F.opened(F.report(category: F.category("C0101"), componentID: cover))
        expectGuard(.file(category: F.category("C0102"), urgency: nil), on: component, by: F.intake, "not C0102")
        expectGuard(.file(category: F.category("E0102"), urgency: nil), on: component, by: F.intake, "only fits a 部件 category")
        #expect(try F.applying([(.file(category: F.category("C01"), urgency: nil), F.intake)], to: component).state == .filed)
    }

    @Test("only the lead unit signs for, returns, asks for more time and reports disposal")
    func leadUnit() throws {
        let dispatched = try F.caseIn(.dispatched)
        expectGuard(.signFor, on: dispatched, by: F.unitB, "U-B is not the lead unit (U-A)")
        expectGuard(.signFor, on: dispatched, by: CaseActor(role: .disposalUnit, id: "x"), "must name its unit")
        expectGuard(.returnToDispatcher(reason: "  "), on: dispatched, by: F.unitA, "give a reason")
        let inDisposal = try F.caseIn(.inDisposal)
        expectGuard(.reportDisposal(note: "", attachments: []), on: inDisposal, by: F.unitB, "not the lead unit")
        expectGuard(.requestExtension(.workingHours(4), reason: "x"), on: inDisposal, by: F.unitB, "not the lead unit")
    }

    @Test("one request at a time; decisions need a matching request")
    func pendingRequests() throws {
        let inDisposal = try F.caseIn(.inDisposal)
        expectGuard(.approveExtension(granted: nil), on: inDisposal, by: F.shiftLead, "no extension request is pending")
        expectGuard(.approvePark, on: inDisposal, by: F.shiftLead, "no parking request is pending")
        expectGuard(.requestExtension(.workingHours(0), reason: "x"), on: inDisposal, by: F.unitA, "positive amount")
        let asked = try F.applying([F.sample(.requestExtension)], to: inDisposal)
        expectGuard(.requestPark(reason: "x"), on: asked, by: F.unitA, "an extension request is already pending")
        expectGuard(.returnToDispatcher(reason: "x"), on: asked, by: F.unitA, "already pending")
        expectGuard(.denyPark(reason: "x"), on: asked, by: F.shiftLead, "no parking request is pending")
        expectGuard(.approveExtension(granted: .naturalHours(4)), on: asked, by: F.shiftLead, "in working time")
        let parkAsked = try F.applying([F.sample(.requestPark)], to: inDisposal)
        expectGuard(.denyExtension(reason: "x"), on: parkAsked, by: F.shiftLead, "no extension request is pending")
    }

    @Test("a city can cap extensions")
    func extensionCap() throws {
        let capped = CaseLifecycle(configuration: .init(maximumExtensions: 1))
        let extended = try F.applying(
            F.path(to: .inDisposal) + [F.sample(.requestExtension), (.approveExtension(granted: .workingHours(2)), F.shiftLead)],
            to: F.opened(), lifecycle: capped)
        #expect(extended.counters.extensionsGranted == [.workingHours(2)])
        expectGuard(F.sample(.requestExtension).0, on: extended, by: F.unitA, lifecycle: capped, "the limit is 1")
    }

    @Test("hotline cases need a call-back before closing; the call-back needs a phone number")
    func callback() throws {
        let hotline = F.opened(F.report(channel: .hotline12345, accountID: nil), by: F.hotlineAgent)
        let checked = try F.applying(
            [(.requestVerification, F.intake), (.reportVerification(confirmed: true, note: nil), F.supervisor)]
                + F.path(to: .checked), to: hotline)
        expectGuard(.close, on: checked, by: F.shiftLead, "need a call-back")
        let called = try F.applying([(.recordCallback(satisfaction: .basicallySatisfied, note: nil), F.hotlineAgent)], to: checked)
        #expect(called.callback?.satisfaction == .basicallySatisfied)
        expectGuard(.recordCallback(satisfaction: .satisfied, note: nil), on: called, by: F.hotlineAgent, "already recorded")
        #expect(try F.applying([(.close, F.shiftLead)], to: called).state == .closed)

        let noPhone = try F.applying(F.path(to: .checked), to: F.opened(F.report(phone: nil)))
        expectGuard(.recordCallback(satisfaction: .satisfied, note: nil), on: noPhone, by: F.hotlineAgent, "no phone number")
    }

    @Test("an anonymous hotline case closes without a call-back; with a phone, confidential or not, it still needs one")
    func callbackOnlyWhenPossible() throws {
        /// A checked 12345 case whose caller left `phone`.
        func checkedHotlineCase(phone: String?, confidential: Bool = false) throws -> Case {
            let opened = F.opened(
                F.report(channel: .hotline12345, accountID: nil, phone: phone, confidential: confidential), by: F.hotlineAgent)
            return try F.applying(
                [(.requestVerification, F.intake), (.reportVerification(confirmed: true, note: nil), F.supervisor)]
                    + F.path(to: .checked), to: opened)
        }
        let anonymous = try checkedHotlineCase(phone: nil)
        #expect(!lifecycle.callbackIsDue(on: anonymous))
        expectGuard(.recordCallback(satisfaction: .satisfied, note: nil), on: anonymous, by: F.hotlineAgent, "no phone number")
        let closed = try F.applying([(.close, F.shiftLead)], to: anonymous)
        #expect(closed.state == .closed)
        #expect(closed.callback == nil)
        #expect(try F.applying([(.close, CaseActor.system("intake"))], to: anonymous).state == .closed)

        for confidential in [false, true] {
            let withPhone = try checkedHotlineCase(phone: "13812345678", confidential: confidential)
            #expect(lifecycle.callbackIsDue(on: withPhone))
            expectGuard(.close, on: withPhone, by: F.shiftLead, "need a call-back")
            let called = try F.applying([(.recordCallback(satisfaction: .unreachable, note: nil), F.hotlineAgent)], to: withPhone)
            #expect(!lifecycle.callbackIsDue(on: called))
            #expect(try F.applying([(.close, F.shiftLead)], to: called).state == .closed)
        }

        // Channels outside the list never need one, phone or not.
        let gridCase = try F.caseIn(.checked)
        #expect(!lifecycle.callbackIsDue(on: gridCase))
    }

    @Test("self-disposal is for the reporting grid worker's own report")
    func selfDisposal() throws {
        let own = F.opened()
        let closed = try F.applying([F.sample(.selfDispose)], to: own)
        #expect(closed.state == .closed)
        #expect(closed.counters.selfDisposed)
        expectGuard(F.sample(.selfDispose).0, on: own, by: F.otherGridWorker, "only the reporting grid worker (gw-1)")
        let supervisorReport = F.opened(F.report(channel: .supervisor, accountID: "sv-1"), by: F.supervisor)
        expectGuard(F.sample(.selfDispose).0, on: supervisorReport, by: F.gridWorker, "came through supervisor")
    }

    @Test("escalation goes upward only; an escalated case is dispatched at that level or above")
    func escalation() throws {
        let filed = try F.caseIn(.filed)
        expectGuard(.escalate(to: .street, reason: "x"), on: filed, by: F.dispatcher, "above the actor's level (street)")
        expectGuard(.escalate(to: .district, reason: ""), on: filed, by: F.dispatcher, "give a reason")
        let escalated = try F.caseIn(.escalated)
        #expect(escalated.escalatedTo == .district)
        expectGuard(.escalate(to: .district, reason: "x"), on: escalated, by: CaseActor(role: .shiftLead, id: "s"), "already escalated to district")
        expectGuard(.dispatch(lead: UnitID("U-A"), coUnits: []), on: escalated, by: F.dispatcher, "a street dispatcher cannot dispatch it")
        #expect(try F.applying([(.dispatch(lead: UnitID("U-A"), coUnits: []), F.districtDispatcher)], to: escalated).state == .dispatched)
    }

    @Test("assignments name a lead once and co-units once")
    func assignments() throws {
        let filed = try F.caseIn(.filed)
        expectGuard(.dispatch(lead: UnitID("U-A"), coUnits: [UnitID("U-A")]), on: filed, by: F.dispatcher, "cannot also be a co-unit")
        expectGuard(.dispatch(lead: UnitID("U-A"), coUnits: [UnitID("U-B"), UnitID("U-B")]), on: filed, by: F.dispatcher, "named twice")
        let returned = try F.caseIn(.returned)
        expectGuard(.redispatch(lead: UnitID("U-B"), coUnits: [UnitID("U-B")]), on: returned, by: F.dispatcher, "cannot also be a co-unit")
    }

    @Test("joint response: departments are named once and report once")
    func jointResponse() throws {
        let filed = try F.caseIn(.filed)
        expectGuard(.blowWhistle(units: [], reason: "x"), on: filed, by: F.shiftLead, "at least one department")
        expectGuard(.blowWhistle(units: [UnitID("U-A"), UnitID("U-A")], reason: "x"), on: filed, by: F.shiftLead, "named twice")
        let whistle = try F.caseIn(.jointResponse)
        let stranger = CaseActor(role: .disposalUnit, id: "z", unit: UnitID("U-Z"))
        expectGuard(.reportArrival, on: whistle, by: stranger, "U-Z was not summoned")
        expectGuard(.reportDisposal(note: "", attachments: []), on: whistle, by: stranger, "the case has no lead unit")
        let arrived = try F.applying([(.reportArrival, F.unitA)], to: whistle)
        expectGuard(.reportArrival, on: arrived, by: F.unitA, "U-A has already reported")
    }

    @Test("other guards: duplicates, voids, rework, time order and who may report")
    func otherGuards() throws {
        let reported = F.opened()
        expectGuard(.markDuplicate(of: reported.id), on: reported, by: F.intake, "cannot duplicate itself")
        expectGuard(.void(reason: ""), on: try F.caseIn(.filed), by: F.shiftLead, "give a reason")
        expectGuard(.failCheck(reason: " "), on: try F.caseIn(.checking), by: F.supervisor, "give a reason")

        let late = #expect(throws: LifecycleError.self) {
            try lifecycle.apply(.requestVerification, to: reported, by: F.intake, at: reported.updatedAt.addingTimeInterval(-1))
        }
        #expect(late?.code == .outOfOrder)

        let wrongReporter = #expect(throws: LifecycleError.self) {
            try lifecycle.open(id: CaseID(), number: CaseNumber("X1"), report: F.report(channel: .sensing), by: F.citizen, at: F.start)
        }
        #expect(wrongReporter?.code == .reporterNotAllowed)
        #expect(wrongReporter?.action == nil)
        #expect(wrongReporter?.description.contains("cannot open") == true)
    }
}
