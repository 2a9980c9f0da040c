/// The outcome of resolving a case against the 权责清单: a unit, or a typed reason why there is none —
/// never a guess.
public enum ResponsibilityDecision: Sendable, Hashable, CustomStringConvertible {
    /// A rule decided: dispatch to its lead unit.
    case assigned(ResponsibilityAssignment)
    /// No rule applies (or every applicable rule's unit was excluded); dispatch must be done by hand.
    case noResponsibleUnit(NoResponsibleUnit)
    /// Equally specific rules of equal priority send the case to different units (职能交叉); dispatch
    /// must be done by hand and the list fixed.
    case conflict(RuleTie)

    /// The assignment, when a rule decided.
    public var assignment: ResponsibilityAssignment? {
        if case .assigned(let assignment) = self { return assignment }
        return nil
    }

    /// A readable form for messages and logs.
    public var description: String {
        switch self {
        case .assigned(let assignment): "assigned: \(assignment)"
        case .noResponsibleUnit(let none): "no responsible unit: \(none)"
        case .conflict(let tie): "conflict: \(tie)"
        }
    }
}
