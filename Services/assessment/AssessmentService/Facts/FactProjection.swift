public import GridDomain

/// Applies decoded lifecycle-topic events to a set of case facts in memory: the whole projection
/// logic, without the database (the consumer loads the facts, calls this, and writes them back).
public enum FactProjection {
    /// What applying one event did to its case's fact.
    public enum Change: Sendable, Hashable {
        /// The fact was created or changed.
        case changed
        /// The fact changed, after steps that were never seen (see ``StepApplication``).
        case changedAfterGap(missing: ClosedRange<Int>)
        /// Nothing changed (a step already applied, a card of another stage or of an unknown case, a
        /// notice).
        case unchanged
    }

    /// Applies `event` to `facts` (keyed by case): the opening event creates a fact, a step creates
    /// one when the case is unknown (its opening was never seen) and applies to it, a card updates the
    /// disposal run of a known case.
    public static func apply(_ event: LifecycleTopicEventV1, to facts: inout [CaseID: CaseFact]) -> Change {
        switch event {
        case .reported(let opened):
            guard facts[opened.caseId] != nil else {
                facts[opened.caseId] = CaseFact(opening: opened)
                return .changed
            }
            return facts[opened.caseId]!.apply(opening: opened) ? .changed : .unchanged
        case .step(let step):
            var fact = facts[step.caseId] ?? CaseFact(snapshot: step.snapshot)
            let outcome = fact.apply(step: step)
            facts[step.caseId] = fact
            switch outcome {
            case .applied: return .changed
            case .appliedAfterGap(let missing): return .changedAfterGap(missing: missing)
            case .alreadyApplied: return .unchanged
            }
        case .yellowCard(let card), .redCard(let card):
            guard facts[card.caseId] != nil else { return .unchanged }
            return facts[card.caseId]!.apply(card: card) ? .changed : .unchanged
        case .manualDispatchRequired, .unknown:
            return .unchanged
        }
    }
}
