import Foundation
public import GridDomain

/// Decides where a case goes that routing must dispatch: a filed case, a returned one (excluding
/// every unit that returned it), or an escalated one (always to a dispatcher of the higher level).
///
/// Pure and cheap (the resolver decides in about a microsecond); the explanation is built only for
/// what is stored.
public struct Dispatcher: Sendable {
    /// The compiled 权责清单.
    public let resolver: ResponsibilityResolver
    /// The disposal units (for the levels of escalation candidates).
    public let units: UnitRegistry

    /// Creates a dispatcher.
    public init(resolver: ResponsibilityResolver, units: UnitRegistry) {
        self.resolver = resolver
        self.units = units
    }

    /// The facts about a case that 权责清单 rules may test with attribute conditions: `channel`
    /// (`12345`, `supervisor`…) and `urgency` (`normal`, `urgent`, `emergency`).
    public static func attributes(of current: Case) -> [String: String] {
        ["channel": current.report.channel.rawValue, "urgency": current.urgency.rawValue]
    }

    /// The plan for a filed or returned case, resolved at `instant` (the filing or return time).
    /// - Parameters:
    ///   - excluding: Units that returned the case; a re-dispatch must go elsewhere.
    ///   - afterReturn: True when the case was returned: giving up is then `returned_by_unit`.
    public func plan(for current: Case, placement: CasePlacementV1, at instant: Date, excluding: [UnitID], afterReturn: Bool) -> DispatchPlan {
        guard let grid = placement.grid else {
            return .manual(.init(
                reason: .locationUnresolved,
                explanation: "the case could not be placed in a unit grid, so the responsibility list cannot be applied",
                candidates: [], resolver: nil))
        }
        guard let category = current.category else {
            return .manual(.init(
                reason: .noResponsibleUnit, explanation: "the case has no category, so the responsibility list cannot be applied",
                candidates: [], resolver: nil))
        }
        let query = ResponsibilityQuery(category: category, grid: grid, attributes: Self.attributes(of: current))
        let resolution = resolver.resolve(query, at: instant, excluding: excluding)
        let explanation = resolution.explanation
        let account = ResolverExplanation(explanation, excluded: excluding, listVersion: resolver.list.version)
        switch resolution.decision {
        case .assigned(let assignment):
            return .dispatch(assignment, account)
        case .noResponsibleUnit(let none):
            let reason: ManualDispatchRequiredV1.Reason =
                none.reason == .unknownGrid ? .locationUnresolved : afterReturn ? .returnedByUnit : .noResponsibleUnit
            return .manual(.init(reason: reason, explanation: explanation.description, candidates: [], resolver: account))
        case .conflict(let tie):
            var leads: [UnitID] = []
            for lead in tie.leads where !leads.contains(lead) { leads.append(lead) }
            return .manual(.init(
                reason: .ambiguousResponsibility, explanation: explanation.description, candidates: leads, resolver: account))
        }
    }

    /// The plan for an escalated case: always the higher level's dispatcher, with the units of the
    /// 权责清单's escalation chain at or above that level as candidates.
    public func planEscalated(_ current: Case, placement: CasePlacementV1, at instant: Date, reason: String?) -> DispatchPlan.ManualDispatch {
        let target = current.escalatedTo
        let words = "escalated to the \(target.map { "\($0.rawValue) (\($0.chineseName))" } ?? "higher") level"
            + (reason.map { ": \($0)" } ?? "")
        guard let grid = placement.grid, let category = current.category else {
            return .init(reason: .escalated, explanation: words, candidates: [], resolver: nil)
        }
        let query = ResponsibilityQuery(category: category, grid: grid, attributes: Self.attributes(of: current))
        let resolution = resolver.resolve(query, at: instant)
        var candidates: [UnitID] = []
        if let assignment = resolution.decision.assignment {
            for unit in [assignment.lead] + assignment.escalation where !candidates.contains(unit) {
                guard let level = units.unit(unit)?.level else { continue }
                if let target, level < target { continue }
                candidates.append(unit)
            }
        }
        let account = ResolverExplanation(resolution.explanation, excluded: [], listVersion: resolver.list.version)
        return .init(reason: .escalated, explanation: words, candidates: candidates, resolver: account)
    }
}
