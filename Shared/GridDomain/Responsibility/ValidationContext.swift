/// Tables the validation passes share: the place tree by index and each place's level slot.
struct ValidationContext {
    let compiled: CompiledResponsibilityList
    let children: [[Int32]]
    let slots: [Int]

    init(compiled: CompiledResponsibilityList) {
        self.compiled = compiled
        children = compiled.placeCodes.map { code in
            compiled.places.children(of: code).map { compiled.placeIndex[$0]! }
        }
        slots = compiled.placeCodes.map { CompiledResponsibilityList.slot($0.level) }
    }

    /// The places at a level slot inside `place` (itself when at that slot).
    func descendants(of place: Int32, atSlot slot: Int) -> [Int32] {
        if slots[Int(place)] == slot { return [place] }
        if slots[Int(place)] < slot { return [] }
        return children[Int(place)].flatMap { descendants(of: $0, atSlot: slot) }
    }

    /// The rule's scope as place indexes (the city for the whole city).
    func scope(of rule: CompiledResponsibilityList.Rule) -> [Int32] {
        let places = compiled.list.rules[rule.index].places
        return places.isEmpty ? [compiled.cityIndex] : places.map { compiled.placeIndex[$0]! }
    }

    /// The rule's window as a set of minutes (the whole week when it has none).
    func times(of rule: CompiledResponsibilityList.Rule) -> WeeklyTimeSet { rule.window ?? .all }

    func isActive(_ rule: CompiledResponsibilityList.Rule, onDay day: Int) -> Bool {
        rule.fromDay <= day && day <= rule.throughDay
    }
}
