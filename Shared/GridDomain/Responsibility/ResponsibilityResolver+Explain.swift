#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ResponsibilityResolver {
    /// Explains `decision` (made by `decide` for the same inputs): gives every rule in the case's
    /// candidate buckets a verdict, in precedence order.
    func explain(_ query: ResponsibilityQuery, at instant: Date, excluding: [UnitID], decision: ResponsibilityDecision) -> ResponsibilityExplanation {
        let compiled = self.compiled
        let (day, minute) = localTime(instant)
        let local = describeLocalTime(day: day, minuteOfWeek: minute)
        guard let grid = compiled.placeIndex[query.grid], query.grid.level == .grid,
              let category = compiled.categoryKey[query.category] else {
            return ResponsibilityExplanation(query: query, localTime: local, decision: decision, candidates: [], unrelatedRuleCount: compiled.rules.count)
        }
        let excluded = excluding.compactMap { compiled.unitIndex[$0] }
        var winner: Int? = nil
        var tied: Set<String> = []
        switch decision {
        case .assigned(let assignment): winner = compiled.rules.firstIndex { $0.id == assignment.ruleID }
        case .conflict(let tie): tied = Set(tie.ruleIDs)
        case .noResponsibleUnit: break
        }
        let reference = winner ?? compiled.rules.firstIndex { tied.contains($0.id) }

        var candidates: [RuleEvaluation] = []
        for key in compiled.chain(category) {
            for slot in 0..<5 {
                let place = compiled.ancestor(grid, slot: slot)
                guard let range = compiled.bucket(category: key, place: place) else { continue }
                for position in range {
                    let index = Int(compiled.bucketRules[Int(position)])
                    let rule = compiled.rules[index]
                    let verdict: RuleVerdict
                    if let mismatch = mismatch(rule, day: day, minuteOfWeek: minute, attributes: query.attributes) {
                        verdict = mismatch
                    } else if let lead = compiled.unit(rule.lead, at: grid) {
                        if excluded.contains(lead) {
                            verdict = .leadExcluded(compiled.unitIDs[Int(lead)])
                        } else if index == winner {
                            verdict = .won
                        } else if tied.contains(rule.id) {
                            verdict = .tiedInConflict
                        } else if let reference {
                            verdict = Self.loss(of: rule, to: compiled.rules[reference])
                        } else {
                            verdict = .tiedInConflict  // unreachable: a matching rule always yields a decision
                        }
                    } else {
                        verdict = .leadUnresolved(compiled.list.rules[index].lead)
                    }
                    let source = compiled.list.rules[index]
                    candidates.append(RuleEvaluation(
                        ruleID: rule.id, line: source.line, specificity: rule.specificity, priority: rule.priority,
                        lead: source.lead, verdict: verdict))
                }
            }
        }
        return ResponsibilityExplanation(
            query: query, localTime: local, decision: decision, candidates: candidates,
            unrelatedRuleCount: compiled.rules.count - candidates.count)
    }

    /// Why a matching rule lost to the reference rule (the winner, or the first of a conflict).
    private static func loss(of rule: CompiledResponsibilityList.Rule, to winner: CompiledResponsibilityList.Rule) -> RuleVerdict {
        let a = rule.specificity, w = winner.specificity
        if a.category != w.category { return .lessSpecificCategory(than: winner.id) }
        if a.place != w.place { return .lessSpecificPlace(than: winner.id) }
        if a.conditions != w.conditions { return .fewerConditions(than: winner.id) }
        if rule.priority != winner.priority { return .lowerPriority(than: winner.id) }
        return .tiedWithWinner(winner.id)
    }

    private func describeLocalTime(day: Int, minuteOfWeek: Int) -> String {
        let minuteOfDay = minuteOfWeek % 1440
        let hour = minuteOfDay / 60, minute = minuteOfDay % 60
        let offset = configuration.utcOffsetSeconds
        let sign = offset < 0 ? "-" : "+"
        let offsetHours = abs(offset) / 3600, offsetMinutes = abs(offset) % 3600 / 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(EffectiveDate(dayNumber: day)) \(WeeklyTimeSet.dayNames[minuteOfWeek / 1440]) \(two(hour)):\(two(minute)) (UTC\(sign)\(two(offsetHours)):\(two(offsetMinutes)))"
    }
}
