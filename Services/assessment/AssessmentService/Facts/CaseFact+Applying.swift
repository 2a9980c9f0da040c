import Foundation
public import GridDomain

/// What applying a lifecycle step to a ``CaseFact`` did.
public enum StepApplication: Sendable, Hashable {
    /// The step was applied and follows the last one applied.
    case applied
    /// The step was applied, but steps between the last one applied and it were never seen (their
    /// times are unknown; the snapshot still brings state and counters up to date).
    case appliedAfterGap(missing: ClosedRange<Int>)
    /// The step's sequence was already applied; nothing changed.
    case alreadyApplied
}

extension CaseFact {
    /// A fact for the case opened by `opening`.
    public init(opening: CaseReportedV1) {
        self.init(snapshot: opening.snapshot)
        openedAt = opening.occurredAt
        lastSequence = opening.sequence
        updatedAt = opening.occurredAt
    }

    /// Applies the opening event to a fact created from a later event (the opening arrived late).
    /// - Returns: Whether anything changed.
    @discardableResult
    public mutating func apply(opening: CaseReportedV1) -> Bool {
        guard openedAt != opening.occurredAt else { return false }
        openedAt = opening.occurredAt
        return true
    }

    /// Applies a lifecycle step: the snapshot's state, category, lead unit and counters, the step's
    /// time for the milestones, and its clock effects on the disposal run.
    public mutating func apply(step: CaseStepV1) -> StepApplication {
        guard step.sequence > lastSequence else { return .alreadyApplied }
        let outcome: StepApplication =
            step.sequence == lastSequence + 1 ? .applied : .appliedAfterGap(missing: (lastSequence + 1)...(step.sequence - 1))
        refresh(from: step.snapshot)
        recordMilestone(of: step)
        for effect in step.clockEffects {
            applyClockEffect(effect, of: step)
        }
        lastSequence = step.sequence
        updatedAt = step.occurredAt
        return outcome
    }

    /// Applies a deadline card. Only cards of the disposal stage change the fact (they tell the due
    /// time of the disposal run); cards of other stages are counted from the event facts.
    /// - Returns: Whether the fact changed.
    public mutating func apply(card: DeadlineCardV1) -> Bool {
        guard card.stage == .dispose, var run = disposalRun else { return false }
        let before = run
        run.apply(cardDueAt: card.dueAt, issuedAt: card.issuedAt, isRed: card.card == .red, asOfSequence: card.asOfSequence)
        disposalRun = run
        return run != before
    }

    private mutating func refresh(from snapshot: CaseSnapshotV1) {
        state = snapshot.state
        category = snapshot.category
        channel = snapshot.channel
        placement = snapshot.placement
        leadUnit = snapshot.leadUnit
        counters = Counters(snapshot.counters)
    }

    private mutating func recordMilestone(of step: CaseStepV1) {
        let time = step.occurredAt
        switch step.action.kind {
        case .file:
            filedAt = filedAt ?? time
        case .dispatch:
            firstDispatchedAt = firstDispatchedAt ?? time
            dispatchedAt = time
        case .redispatch:
            dispatchedAt = time
        case .reportDisposal:
            firstDisposedAt = firstDisposedAt ?? time
            disposedAt = time
            disposingUnit = disposingUnit ?? step.snapshot.leadUnit ?? step.actor.unit
        case .failCheck:
            firstReworkAt = firstReworkAt ?? time
        case .close, .selfDispose:
            closedAt = time
        case .void:
            voidedAt = time
        case .markDuplicate:
            duplicateAt = time
        case .notFile:
            notFiledAt = time
        default:
            break
        }
    }

    private mutating func applyClockEffect(_ effect: StageClockEffectV1, of step: CaseStepV1) {
        switch effect {
        case .start(.dispose):
            foldDisposalRun()
            disposalRun = DisposalRun(startSequence: step.sequence, startedAt: step.occurredAt)
        case .stop(.dispose):
            disposalRun?.stop(sequence: step.sequence, at: step.occurredAt, byDisposal: step.action.kind == .reportDisposal)
        case .stopAll:
            disposalRun?.stop(sequence: step.sequence, at: step.occurredAt, byDisposal: false)
        case .pause(.dispose), .resume(.dispose), .extend(.dispose, _):
            disposalRun?.adjust(sequence: step.sequence, at: step.occurredAt)
        default:
            break
        }
    }

    /// Moves the latest run's outcome into the "earlier" totals before a new run starts.
    private mutating func foldDisposalRun() {
        guard let run = disposalRun else { return }
        if run.isBreached {
            earlierBreachedRuns += 1
            earlierFirstBreachAt = Self.earliest(earlierFirstBreachAt, run.dueAt)
        }
        if run.isLateDisposal { earlierLateDisposals += 1 }
        disposalRun = nil
    }
}
