import Foundation
import GridDomain

/// The supervision centre's side of the loop as pure functions on replicas: opening a case with the
/// steps that follow at once (filing, verification request or self-disposal), taking a step, and the
/// automatic steps that follow a step (filing after a confirmed verification, closing after a passed
/// check or a call-back, assigning the check after a reported disposal).
///
/// Every step is validated by `CaseLifecycle` on the replica — the same case, built from the masked
/// opening event, that every other service replays — and produces the contract event to publish.
struct CaseWorkflow: Sendable {
    /// A case after one or more steps, with the events to write and publish, in order.
    struct Progress: Sendable {
        /// The replica after the steps.
        var replica: Case
        /// The case's placement (fixed when it was opened).
        var placement: CasePlacementV1
        /// The events produced, in sequence order.
        var events: [ProducedEvent]
    }

    /// The lifecycle, with the city's configuration.
    let lifecycle: CaseLifecycle
    /// The filing rules.
    let policy: FilingPolicy
    /// Close by `system` after a passed check (or a call-back) when the lifecycle allows it.
    let autoClose: Bool
    /// The actor of automatic steps: `system` acting as `intake`.
    static let system = CaseActor.system("intake")

    /// Opens a case for `report` and takes the steps that follow at once.
    /// - Parameters:
    ///   - selfDisposal: For a grid worker's report: the disposal note and photos (自行处置); the
    ///     case closes at once.
    /// - Throws: `LifecycleError` when the actor may not report through the channel or a step is
    ///   refused; `ContractValidationError` or an encoding error when an event cannot be built.
    func open(
        report: CaseReport, id: CaseID, number: CaseNumber, placement: CasePlacementV1, by actor: CaseActor, at time: Date,
        selfDisposal: SelfDisposal? = nil
    ) throws -> Progress {
        let (opened, openingEvent) = try lifecycle.open(id: id, number: number, report: report, by: actor, at: time)
        let opening = try ProducedEvent(opening: openingEvent, of: opened, placement: placement)
        // The replica is what every other service rebuilds from the (masked) opening event.
        let reported = try ContractJSON.decode(CaseReportedV1.self, from: opening.data)
        let replica = try CaseReplay.open(reported, lifecycle: lifecycle).case
        var progress = Progress(replica: replica, placement: placement, events: [opening])
        if let selfDisposal {
            try apply(.selfDispose(note: selfDisposal.note, attachments: selfDisposal.attachments), by: actor, at: time, to: &progress)
            return progress
        }
        switch policy.path(for: replica.report) {
        case .file: try applyAutomaticFiling(at: time, to: &progress)
        case .requestVerification: try apply(.requestVerification, by: Self.system, at: time, to: &progress)
        case .awaitOperator: break
        }
        return progress
    }

    /// Takes `action` on a stored case, then the automatic steps that follow it.
    /// - Throws: `LifecycleError` when the lifecycle refuses the step.
    func take(_ action: CaseAction, by actor: CaseActor, on replica: Case, placement: CasePlacementV1, at time: Date) throws -> Progress {
        var progress = Progress(replica: replica, placement: placement, events: [])
        try apply(action, by: actor, at: time, to: &progress)
        try applyFollowUps(at: time, to: &progress)
        return progress
    }

    /// The automatic steps due on a case after `progress` (used after steps of other services, too:
    /// a reported disposal opens the check).
    func applyFollowUps(at time: Date, to progress: inout Progress) throws {
        switch progress.replica.state {
        case .reported:
            try applyAutomaticFiling(at: time, to: &progress)
        case .disposed:
            try apply(.assignCheck, by: Self.system, at: time, to: &progress)
        case .checked:
            if autoClose, !lifecycle.callbackIsDue(on: progress.replica) {
                try apply(.close, by: Self.system, at: time, to: &progress)
            }
        default:
            break
        }
    }

    private func applyAutomaticFiling(at time: Date, to progress: inout Progress) throws {
        guard let filing = policy.automaticFiling(of: progress.replica) else { return }
        try apply(filing, by: Self.system, at: time, to: &progress)
    }

    private func apply(_ action: CaseAction, by actor: CaseActor, at time: Date, to progress: inout Progress) throws {
        let event = try lifecycle.apply(action, to: &progress.replica, by: actor, at: max(time, progress.replica.updatedAt))
        progress.events.append(try ProducedEvent(step: event, of: progress.replica, placement: progress.placement))
    }
}
