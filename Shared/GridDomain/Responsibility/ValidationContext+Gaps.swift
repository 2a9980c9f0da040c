extension ValidationContext {
    /// The gaps on a day: for each leaf category, walk the place tree from the city carrying the times
    /// already covered; a subtree fully covered stops the walk, a grid reports what is left, and a node
    /// whose children do not all share one gap reports each child's gap (so places are as coarse as
    /// possible yet exact). Then 小类 with identical gaps fold into their 大类.
    func gaps(onDay day: Int) -> [GapKey] {
        var byCategory: [CategoryCode: [(place: Int32, missing: WeeklyTimeSet)]] = [:]
        var leaves: [CategoryCode] = []
        for definition in compiled.catalog.definitions {
            let code = definition.code
            guard code.isMinorClass || compiled.catalog.minorClasses(of: code).isEmpty else { continue }
            leaves.append(code)
            var found: [(Int32, WeeklyTimeSet)] = []
            let chain = compiled.chain(compiled.categoryKey[code]!)
            let summary = visit(compiled.cityIndex, chain: chain, day: day, covered: .none, pending: [], gaps: &found)
            if case .uniform(let missing) = summary, !missing.isEmpty { found.append((compiled.cityIndex, missing)) }
            byCategory[code] = found.sorted { $0.0 < $1.0 }
        }
        var result: [GapKey] = []
        var folded = Set<CategoryCode>()
        for major in compiled.catalog.majorClasses {
            let minors = compiled.catalog.minorClasses(of: major)
            guard minors.count > 1, let first = byCategory[minors[0]], !first.isEmpty,
                  minors.allSatisfy({ Self.same(byCategory[$0]!, first) }) else { continue }
            folded.formUnion(minors)
            result += first.map { GapKey(category: major, place: $0.place, missing: $0.missing) }
        }
        for code in leaves where !folded.contains(code) {
            result += byCategory[code]!.map { GapKey(category: code, place: $0.place, missing: $0.missing) }
        }
        return result.sorted { ($0.category, $0.place) < ($1.category, $1.place) }
    }

    private static func same(_ a: [(place: Int32, missing: WeeklyTimeSet)], _ b: [(place: Int32, missing: WeeklyTimeSet)]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.place == $1.place && $0.missing == $1.missing }
    }

    /// A rule attached above the level its `@level:kind` lead names, waiting for that level.
    struct Pending {
        var slot: Int
        var kind: Int32
        var times: WeeklyTimeSet
    }

    enum Summary {
        /// Every grid below misses exactly these times (empty: fully covered).
        case uniform(WeeklyTimeSet)
        /// Grids below differ; their gaps were reported.
        case mixed
    }

    private func visit(
        _ place: Int32, chain: [Int32], day: Int, covered coveredAbove: WeeklyTimeSet, pending pendingAbove: [Pending],
        gaps: inout [(Int32, WeeklyTimeSet)]
    ) -> Summary {
        let slot = slots[Int(place)]
        var covered = coveredAbove
        var pending: [Pending] = []
        for item in pendingAbove {
            if item.slot == slot {
                if compiled.localUnit(kind: item.kind, place: place) != nil {
                    covered = covered.union(item.times)
                }
            } else {
                pending.append(item)
            }
        }
        for key in chain {
            guard let range = compiled.bucket(category: key, place: place) else { continue }
            for position in range {
                let rule = compiled.rules[Int(compiled.bucketRules[Int(position)])]
                guard isActive(rule, onDay: day), rule.attributes.isEmpty else { continue }
                switch rule.lead {
                case .fixed:
                    covered = covered.union(times(of: rule))
                case .local(let leadSlot, let kind):
                    if leadSlot >= slot {
                        let target = compiled.ancestor(place, slot: leadSlot)
                        if compiled.localUnit(kind: kind, place: target) != nil {
                            covered = covered.union(times(of: rule))
                        }
                    } else {
                        pending.append(Pending(slot: leadSlot, kind: kind, times: times(of: rule)))
                    }
                }
            }
        }
        if covered.isFull { return .uniform(.none) }
        if slot == 0 { return .uniform(covered.complement) }
        let kids = children[Int(place)]
        if kids.isEmpty { return .uniform(.none) }  // no grids, so no cases
        let summaries = kids.map { visit($0, chain: chain, day: day, covered: covered, pending: pending, gaps: &gaps) }
        if case .uniform(let first) = summaries[0],
           summaries.allSatisfy({ if case .uniform(let missing) = $0 { missing == first } else { false } }) {
            return .uniform(first)
        }
        for (kid, summary) in zip(kids, summaries) {
            if case .uniform(let missing) = summary, !missing.isEmpty { gaps.append((kid, missing)) }
        }
        return .mixed
    }
}
