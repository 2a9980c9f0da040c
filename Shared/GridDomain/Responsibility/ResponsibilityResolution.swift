#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The result of `ResponsibilityResolver.resolve`: the decision, and its explanation on request.
public struct ResponsibilityResolution: Sendable {
    /// Who handles the case, or why nobody does.
    public let decision: ResponsibilityDecision

    let resolver: ResponsibilityResolver
    let query: ResponsibilityQuery
    let instant: Date
    let excluding: [UnitID]

    /// Why: the winning rule and what became of every other rule whose category and place cover the
    /// case. Built when read (it walks all candidate rules); always consistent with `decision`.
    public var explanation: ResponsibilityExplanation {
        resolver.explain(query, at: instant, excluding: excluding, decision: decision)
    }
}
