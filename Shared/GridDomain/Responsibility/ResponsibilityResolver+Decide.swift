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
        let version = compiled.list.version
        guard let grid = compiled.placeIndex[query.grid], query.grid.level == .grid else {
            return .noResponsibleUnit(NoResponsibleUnit(reason: .unknownGrid, category: query.category, grid: query.grid, listVersion: version))
        }
        guard let category = compiled.categoryKey[query.category] else {
            return .noResponsibleUnit(NoResponsibleUnit(reason: .unknownCategory, category: query.category, grid: query.grid, listVersion: version))
        }
        let (day, minute) = localTime(instant)
        let excluded = excluding.compactMap { compiled.unitIndex[$0] }
        var sawExcluded = false

        for key in compiled.categoryChains[Int(category)] {
            let mask = compiled.levelMasks[Int(key)]
            guard mask != 0 else { continue }
            for slot in 0..<5 where mask & (1 << UInt8(slot)) != 0 {
                let place = compiled.ancestor(grid, slot: slot)
                guard let range = compiled.buckets[CompiledResponsibilityList.bucketKey(category: key, place: place)] else { continue }
                var best = -1
                var bestLead: Int32 = -1
                var tied: [(rule: Int, lead: Int32)] = []
                for position in range {
                    let ruleIndex = Int(compiled.bucketRules[Int(position)])
                    let rule = compiled.rules[ruleIndex]
                    if best >= 0 {
                        let winner = compiled.rules[best]
                        if rule.specificity.conditions != winner.specificity.conditions || rule.priority != winner.priority { break }
                    }
                    guard matches(rule, day: day, minuteOfWeek: minute, attributes: query.attributes),
                          let lead = compiled.unit(rule.lead, at: grid) else { continue }
                    if excluded.contains(lead) {
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
                        listVersion: version))
                }
                return .assigned(assignment(best, lead: bestLead, grid: grid, excluded: excluded))
            }
        }
        return .noResponsibleUnit(NoResponsibleUnit(
            reason: sawExcluded ? .allMatchingUnitsExcluded : .noMatchingRule,
            category: query.category, grid: query.grid, listVersion: version))
    }

    /// Builds the assignment of a winning rule for a case in `grid`.
    func assignment(_ ruleIndex: Int, lead: Int32, grid: Int32, excluded: [Int32]) -> ResponsibilityAssignment {
        let compiled = self.compiled
        let rule = compiled.rules[ruleIndex]
        let coUnits: [UnitID]
        if let fixed = rule.fixedCoUnits, excluded.isEmpty {
            coUnits = fixed
        } else {
            var ids: [Int32] = []
            for reference in rule.coUnits {
                if let unit = compiled.unit(reference, at: grid), unit != lead, !excluded.contains(unit), !ids.contains(unit) {
                    ids.append(unit)
                }
            }
            coUnits = ids.map { compiled.unitIDs[Int($0)] }
        }
        let escalation: [UnitID]
        if let fixed = rule.fixedEscalation {
            escalation = fixed
        } else {
            escalation = rule.escalation.compactMap { compiled.unit($0, at: grid).map { compiled.unitIDs[Int($0)] } }
        }
        return ResponsibilityAssignment(
            ruleID: rule.id, listVersion: compiled.list.version, lead: compiled.unitIDs[Int(lead)],
            coUnits: coUnits, tier: rule.tier, escalation: escalation)
    }

    /// True when two equally ranked rules would dispatch the case the same way (same lead, co-units and
    /// tier), so taking the first is no guess.
    func sameOutcome(_ a: Int, _ leadA: Int32, _ b: Int, _ leadB: Int32, grid: Int32, excluded: [Int32]) -> Bool {
        guard leadA == leadB, compiled.rules[a].tier == compiled.rules[b].tier else { return false }
        let coA = assignment(a, lead: leadA, grid: grid, excluded: excluded).coUnits
        let coB = assignment(b, lead: leadB, grid: grid, excluded: excluded).coUnits
        return Set(coA) == Set(coB)
    }
}
