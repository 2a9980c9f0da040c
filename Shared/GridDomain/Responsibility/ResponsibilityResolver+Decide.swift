#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ResponsibilityResolver {
    /// The decision for a case: walks the candidate buckets in precedence order and stops at the first
    /// bucket holding a matching rule whose lead unit exists here and is not excluded.
    func decide(_ query: ResponsibilityQuery, at instant: Date, excluding: [UnitID]) -> ResponsibilityDecision {
        let compiled = self.compiled
        guard query.grid.level == .grid, let grid = compiled.gridIndex[query.grid.numericValue] else {
            return .noResponsibleUnit(NoResponsibleUnit(
                reason: .unknownGrid, category: query.category, grid: query.grid, listVersion: compiled.list.version))
        }
        let category = compiled.categoryKeyByNumber[query.category.numericValue]
        guard category >= 0 else {
            return .noResponsibleUnit(NoResponsibleUnit(
                reason: .unknownCategory, category: query.category, grid: query.grid, listVersion: compiled.list.version))
        }
        let (day, minute) = localTime(instant)
        let excluded = excluding.isEmpty ? [] : excluding.compactMap { compiled.unitIndex[$0] }
        var sawExcluded = false

        let (first, second, third) = compiled.categoryChains[Int(category)]
        for key in [first, second, third] where key >= 0 {
            let mask = compiled.levelMasks[Int(key)]
            guard mask != 0 else { continue }
            for slot in 0..<5 where mask & (1 << UInt8(slot)) != 0 {
                let place = compiled.ancestor(grid, slot: slot)
                guard let range = compiled.bucket(category: key, place: place) else { continue }
                var best = -1
                var bestLead: Int32 = -1
                var tied: [(rule: Int, lead: Int32)] = []
                for position in range {
                    let ruleIndex = Int(compiled.bucketRules[Int(position)])
                    let core = compiled.cores[ruleIndex]
                    if best >= 0 {
                        let winner = compiled.cores[best]
                        if core.conditions != winner.conditions || core.priority != winner.priority { break }
                    }
                    guard matches(core, ruleIndex, day: day, minuteOfWeek: minute, attributes: query.attributes),
                          let lead = compiled.unit(core.lead, at: grid) else { continue }
                    if !excluded.isEmpty && excluded.contains(lead) {
                        sawExcluded = true
                        continue
                    }
                    if best < 0 {
                        best = ruleIndex
                        bestLead = lead
                    } else if !sameOutcome(best, bestLead, ruleIndex, lead, grid: grid, excluded: excluded) {
                        tied.append((ruleIndex, lead))
                    }
                }
                guard best >= 0 else { continue }
                if !tied.isEmpty {
                    let all = [(best, bestLead)] + tied
                    return .conflict(RuleTie(
                        ruleIDs: all.map { compiled.rules[$0.0].id }, leads: all.map { compiled.unitIDs[Int($0.1)] },
                        listVersion: compiled.list.version))
                }
                return .assigned(assignment(best, lead: bestLead, grid: grid, excluded: excluded))
            }
        }
        return .noResponsibleUnit(NoResponsibleUnit(
            reason: sawExcluded ? .allMatchingUnitsExcluded : .noMatchingRule,
            category: query.category, grid: query.grid, listVersion: compiled.list.version))
    }

    /// True when the rule applies on the day, at the minute of the week, to a case with these attributes.
    @inline(__always)
    func matches(_ core: CompiledResponsibilityList.RuleCore, _ index: Int, day: Int, minuteOfWeek: Int, attributes: [String: String]) -> Bool {
        guard day >= core.fromDay, day <= core.throughDay else { return false }
        if core.window >= 0 && !compiled.windows[Int(core.window)].contains(minuteOfWeek: minuteOfWeek) { return false }
        if core.hasAttributes {
            for condition in compiled.rules[index].attributes where !condition.isSatisfied(by: attributes) { return false }
        }
        return true
    }

    /// Builds the assignment of a winning rule for a case in `grid`.
    func assignment(_ ruleIndex: Int, lead: Int32, grid: Int32, excluded: [Int32]) -> ResponsibilityAssignment {
        let compiled = self.compiled
        let coUnits: [UnitID]
        if excluded.isEmpty, let fixed = compiled.rules[ruleIndex].fixedCoUnits {
            coUnits = fixed
        } else {
            var ids: [Int32] = []
            for reference in compiled.rules[ruleIndex].coUnits {
                if let unit = compiled.unit(reference, at: grid), unit != lead, !excluded.contains(unit), !ids.contains(unit) {
                    ids.append(unit)
                }
            }
            coUnits = ids.map { compiled.unitIDs[Int($0)] }
        }
        let escalation: [UnitID]
        if let fixed = compiled.rules[ruleIndex].fixedEscalation {
            escalation = fixed
        } else {
            escalation = compiled.rules[ruleIndex].escalation.compactMap { compiled.unit($0, at: grid).map { compiled.unitIDs[Int($0)] } }
        }
        return ResponsibilityAssignment(
            ruleID: compiled.rules[ruleIndex].id, listVersion: compiled.list.version, lead: compiled.unitIDs[Int(lead)],
            coUnits: coUnits, tier: compiled.cores[ruleIndex].tier, escalation: escalation)
    }

    /// True when two equally ranked rules would dispatch the case the same way (same lead, co-units and
    /// tier), so taking the first is no guess.
    func sameOutcome(_ a: Int, _ leadA: Int32, _ b: Int, _ leadB: Int32, grid: Int32, excluded: [Int32]) -> Bool {
        guard leadA == leadB, compiled.cores[a].tier == compiled.cores[b].tier else { return false }
        let coA = assignment(a, lead: leadA, grid: grid, excluded: excluded).coUnits
        let coB = assignment(b, lead: leadB, grid: grid, excluded: excluded).coUnits
        return Set(coA) == Set(coB)
    }
}
