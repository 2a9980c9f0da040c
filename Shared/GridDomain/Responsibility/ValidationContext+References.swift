extension ValidationContext {
    /// `@level:kind` references (lead, co-units, escalation) of the rules in force on a day that name no
    /// unit for some place the rule covers.
    func unresolvedReferences(onDay day: Int) -> [ReferenceKey] {
        var result: [ReferenceKey] = []
        for (index, rule) in compiled.rules.enumerated() where isActive(rule, onDay: day) {
            let source = compiled.list.rules[index]
            let roles: [(UnresolvedUnitReference.Role, CompiledResponsibilityList.Reference, UnitReference)] =
                [(.lead, rule.lead, source.lead)]
                + zip(rule.coUnits, source.coUnits).map { (.coUnit, $0, $1) }
                + zip(rule.escalation, source.escalation).map { (.escalation, $0, $1) }
            let scope = scope(of: rule)
            for (role, reference, written) in roles {
                guard case .local(let slot, let kind) = reference else { continue }
                var targets: [Int32] = []
                var seen = Set<Int32>()
                for place in scope {
                    let candidates = slot >= slots[Int(place)] ? [compiled.ancestor(place, slot: slot)] : descendants(of: place, atSlot: slot)
                    for target in candidates where seen.insert(target).inserted {
                        targets.append(target)
                    }
                }
                let missing = targets.filter { compiled.localUnit(kind: kind, place: $0) == nil }
                if !missing.isEmpty {
                    result.append(ReferenceKey(rule: index, role: role, reference: written, places: missing.sorted()))
                }
            }
        }
        return result
    }
}
