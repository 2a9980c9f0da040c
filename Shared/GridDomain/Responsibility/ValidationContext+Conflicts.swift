extension ValidationContext {
    private struct GroupKey: Hashable {
        var category: Int32
        var place: Int32
        var conditions: Int
        var priority: Int
    }

    /// Conflicts on a day: rules in the same bucket (same category key and place) with the same
    /// conditions rank and priority, whose windows and attribute conditions can hold together, and
    /// whose outcome (lead, co-units, tier) differs somewhere in the shared place.
    func conflicts(onDay day: Int) -> [ConflictKey] {
        var groups: [GroupKey: [Int]] = [:]
        for (index, rule) in compiled.rules.enumerated() where isActive(rule, onDay: day) {
            let category = compiled.list.rules[index].category.map { compiled.categoryKey[$0]! } ?? 0
            for place in scope(of: rule) {
                groups[GroupKey(category: category, place: place, conditions: rule.specificity.conditions, priority: rule.priority), default: []]
                    .append(index)
            }
        }
        var result: [ConflictKey] = []
        for (key, members) in groups where members.count > 1 {
            for i in 0..<members.count {
                for j in (i + 1)..<members.count {
                    let a = compiled.rules[members[i]], b = compiled.rules[members[j]]
                    let overlap = times(of: a).intersection(times(of: b))
                    guard !overlap.isEmpty, let attributes = Self.combined(a.attributes, b.attributes) else { continue }
                    let places = differingPlaces(a, b, within: key.place)
                    guard !places.isEmpty else { continue }
                    result.append(ConflictKey(
                        rules: [members[i], members[j]], category: key.category, places: places, times: overlap, attributes: attributes))
                }
            }
        }
        // Two rules sharing several places (e.g. overlapping grid sets) make one finding.
        var merged: [ConflictKey] = []
        var positions: [ConflictKey: Int] = [:]
        for conflict in result {
            var key = conflict
            key.places = []
            if let position = positions[key] {
                merged[position].places += conflict.places
            } else {
                positions[key] = merged.count
                merged.append(conflict)
            }
        }
        for i in merged.indices { merged[i].places.sort() }
        return merged.sorted { ($0.rules[0], $0.rules[1]) < ($1.rules[0], $1.rules[1]) }
    }

    /// The conditions of both rules together, or `nil` when no case can meet both.
    private static func combined(_ a: [AttributeCondition], _ b: [AttributeCondition]) -> [AttributeCondition]? {
        var byKey: [String: [String]] = [:]
        var order: [String] = []
        for condition in a + b {
            if let values = byKey[condition.key] {
                let shared = values.filter { condition.values.contains($0) }
                if shared.isEmpty { return nil }
                byKey[condition.key] = shared
            } else {
                byKey[condition.key] = condition.values
                order.append(condition.key)
            }
        }
        return order.sorted().map { AttributeCondition(key: $0, values: byKey[$0]!) }
    }

    /// Where in `place` the two rules dispatch differently: `[place]` when they differ throughout it,
    /// else the places (at the finest level their `@level:kind` references name) where they differ.
    private func differingPlaces(_ a: CompiledResponsibilityList.Rule, _ b: CompiledResponsibilityList.Rule, within place: Int32) -> [Int32] {
        let placeSlot = slots[Int(place)]
        var finest = placeSlot
        for reference in [a.lead, b.lead] + a.coUnits + b.coUnits {
            if case .local(let slot, _) = reference { finest = min(finest, slot) }
        }
        let probes = descendants(of: place, atSlot: finest)
        let differing = probes.filter { differ(a, b, at: $0) }
        return differing.count == probes.count ? [place] : differing
    }

    private func differ(_ a: CompiledResponsibilityList.Rule, _ b: CompiledResponsibilityList.Rule, at place: Int32) -> Bool {
        guard let leadA = compiled.unit(a.lead, at: place), let leadB = compiled.unit(b.lead, at: place) else { return false }
        if leadA != leadB || a.tier != b.tier { return true }
        func coUnits(_ rule: CompiledResponsibilityList.Rule, lead: Int32) -> Set<Int32> {
            Set(rule.coUnits.compactMap { compiled.unit($0, at: place) }.filter { $0 != lead })
        }
        return coUnits(a, lead: leadA) != coUnits(b, lead: leadB)
    }
}
