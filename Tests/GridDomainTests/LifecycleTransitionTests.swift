import Foundation
import GridDomain
import Testing
import TestSupport

/// Every (state, step) pair: the legal set exactly, each legal step's target and roles, and the error
/// for everything else.
@Suite("Lifecycle transitions")
struct LifecycleTransitionTests {
    typealias Kind = CaseAction.Kind

    /// The loop as specified: state → step → next state. Anything not listed is illegal.
    static let legal: [CaseState: [Kind: CaseState]] = [
        .reported: [
            .requestVerification: .verifying, .file: .filed, .notFile: .notFiled, .markDuplicate: .duplicate,
            .selfDispose: .closed,
        ],
        .verifying: [.reportVerification: .reported],
        .filed: [.markDuplicate: .duplicate, .void: .void, .dispatch: .dispatched, .escalate: .escalated, .blowWhistle: .jointResponse],
        .notFiled: [:],
        .duplicate: [:],
        .void: [:],
        .dispatched: [.void: .void, .signFor: .inDisposal, .returnToDispatcher: .returned],
        .returned: [.void: .void, .redispatch: .dispatched, .escalate: .escalated, .blowWhistle: .jointResponse],
        .inDisposal: [
            .returnToDispatcher: .returned, .requestExtension: .inDisposal, .approveExtension: .inDisposal,
            .denyExtension: .inDisposal, .requestPark: .inDisposal, .approvePark: .parked, .denyPark: .inDisposal,
            .reportDisposal: .disposed, .escalate: .escalated, .blowWhistle: .jointResponse,
        ],
        .parked: [.resume: .inDisposal],
        .disposed: [.assignCheck: .checking],
        .checking: [.passCheck: .checked, .failCheck: .rework],
        .rework: [.signFor: .inDisposal],
        .checked: [.recordCallback: .checked, .close: .closed],
        .closed: [:],
        .escalated: [.void: .void, .dispatch: .dispatched, .escalate: .escalated, .blowWhistle: .jointResponse],
        .jointResponse: [.reportDisposal: .disposed, .reportArrival: .jointResponse],
    ]

    /// Who may take each step.
    static let roles: [Kind: Set<ActorRole>] = [
        .requestVerification: [.intakeOperator, .system], .reportVerification: [.supervisor, .gridWorker],
        .file: [.intakeOperator, .shiftLead, .system], .notFile: [.intakeOperator, .shiftLead],
        .markDuplicate: [.intakeOperator, .shiftLead], .void: [.shiftLead], .dispatch: [.dispatcher, .system],
        .signFor: [.disposalUnit], .returnToDispatcher: [.disposalUnit], .redispatch: [.dispatcher, .system],
        .requestExtension: [.disposalUnit], .approveExtension: [.shiftLead], .denyExtension: [.shiftLead],
        .requestPark: [.disposalUnit], .approvePark: [.shiftLead], .denyPark: [.shiftLead],
        .resume: [.shiftLead, .dispatcher], .reportDisposal: [.disposalUnit], .assignCheck: [.intakeOperator, .system],
        .passCheck: [.supervisor, .gridWorker], .failCheck: [.supervisor, .gridWorker],
        .recordCallback: [.hotlineAgent, .intakeOperator], .close: [.shiftLead, .system], .selfDispose: [.gridWorker],
        .escalate: [.dispatcher, .shiftLead], .blowWhistle: [.shiftLead], .reportArrival: [.disposalUnit],
    ]

    @Test("the specification covers every state and step")
    func specificationIsComplete() {
        #expect(Set(Self.legal.keys) == Set(CaseState.allCases))
        #expect(Set(Self.roles.keys) == Set(Kind.allCases))
        #expect(CaseLifecycle.transitions.count == Self.legal.values.reduce(0) { $0 + $1.count })
    }

    @Test("every step in every state: legal ones succeed with the right target, the rest are illegal",
          arguments: CaseState.allCases)
    func everyPair(state: CaseState) throws {
        for kind in Kind.allCases {
            let current = try LifecycleFixtures.prepared(state, for: kind)
            #expect(current.state == state)
            let (action, actor) = LifecycleFixtures.sample(kind)
            let time = current.updatedAt.addingTimeInterval(60)
            if let target = Self.legal[state]?[kind] {
                let (next, event) = try LifecycleFixtures.lifecycle.apply(action, to: current, by: actor, at: time)
                #expect(next.state == target, "\(state) --\(kind)--> \(next.state), expected \(target)")
                #expect(event.from == state)
                #expect(event.to == target)
                #expect(event.action == action)
                #expect(event.actor == actor)
                #expect(event.sequence == current.lastSequence + 1)
                #expect(next.updatedAt == time)
                #expect(CaseLifecycle.transition(from: state, action: kind)?.roles == Self.roles[kind])
            } else {
                let error = #expect(throws: LifecycleError.self, "\(kind) in \(state) should be illegal") {
                    try LifecycleFixtures.lifecycle.apply(action, to: current, by: actor, at: time)
                }
                #expect(error?.code == .illegalTransition)
                #expect(error?.state == state)
                #expect(error?.action == kind)
                #expect(CaseLifecycle.transition(from: state, action: kind) == nil)
            }
        }
    }

    @Test("legal steps refuse every other role", arguments: CaseState.allCases)
    func otherRolesRefused(state: CaseState) throws {
        for (kind, _) in Self.legal[state] ?? [:] {
            let current = try LifecycleFixtures.prepared(state, for: kind)
            let (action, _) = LifecycleFixtures.sample(kind)
            for role in ActorRole.allCases where !Self.roles[kind]!.contains(role) {
                let error = #expect(throws: LifecycleError.self, "\(role) must not \(kind) in \(state)") {
                    try LifecycleFixtures.lifecycle.apply(
                        action, to: current, by: LifecycleFixtures.actor(role), at: current.updatedAt.addingTimeInterval(60))
                }
                #expect(error?.code == .roleNotAllowed)
                #expect(error?.role == role)
            }
        }
    }

    @Test("the error names the state and the attempt")
    func errorMessage() throws {
        let closed = try LifecycleFixtures.caseIn(.closed)
        let error = #expect(throws: LifecycleError.self) {
            try LifecycleFixtures.lifecycle.apply(.signFor, to: closed, by: LifecycleFixtures.unitA, at: closed.updatedAt)
        }
        #expect(error?.description.contains("sign_for (签收)") == true)
        #expect(error?.description.contains("state closed (已结案)") == true)
        #expect(error?.description.contains("the state is final") == true)
        let filed = try LifecycleFixtures.caseIn(.filed)
        let hint = #expect(throws: LifecycleError.self) {
            try LifecycleFixtures.lifecycle.apply(.close, to: filed, by: LifecycleFixtures.shiftLead, at: filed.updatedAt)
        }
        #expect(hint?.reason.contains("dispatch") == true)
    }

    @Test("a refused step leaves the case unchanged")
    func refusedStepChangesNothing() throws {
        var current = try LifecycleFixtures.caseIn(.dispatched)
        let before = current
        #expect(throws: LifecycleError.self) {
            try LifecycleFixtures.lifecycle.apply(.signFor, to: &current, by: LifecycleFixtures.unitB, at: current.updatedAt)
        }
        #expect(current == before)
    }

    @Test("actions(in:for:) lists what a role may do in a state")
    func actionsForRole() {
        #expect(CaseLifecycle.actions(in: .inDisposal, for: .disposalUnit) == [
            .returnToDispatcher, .requestExtension, .requestPark, .reportDisposal,
        ])
        #expect(CaseLifecycle.actions(in: .closed, for: .shiftLead).isEmpty)
    }
}

/// The documentation draws the transition table; keep them in step.
@Suite("Lifecycle documentation")
struct LifecycleDocumentationTests {
    @Test("docs/lifecycle.md draws every transition")
    func diagramListsEveryTransition() throws {
        let doc = try String(
            contentsOf: RepositoryFiles.root.appendingPathComponent("docs/lifecycle.md"), encoding: .utf8)
        let lines = Set(doc.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        for transition in CaseLifecycle.transitions {
            let line = "\(transition.from.rawValue) --> \(transition.to.rawValue) : \(transition.action.rawValue)"
            #expect(lines.contains(line), "missing in docs/lifecycle.md: \(line)")
        }
        let arrows = lines.filter { $0.contains(" --> ") && !$0.contains("[*]") }
        #expect(arrows.count == CaseLifecycle.transitions.count)
    }
}
