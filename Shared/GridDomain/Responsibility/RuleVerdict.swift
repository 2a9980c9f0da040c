/// What became of one rule when a case was resolved: it won, it matched but lost (and to what), or it
/// did not match (and why).
public enum RuleVerdict: Sendable, Hashable, CustomStringConvertible {
    /// The rule decided the case.
    case won
    /// The rule matched and is as specific as the winner with the same priority and the same outcome;
    /// the winner comes first in the list.
    case tiedWithWinner(String)
    /// The rule is one of equally ranked rules that disagree; the case gets no unit (`.conflict`).
    case tiedInConflict
    /// The rule matched but its category is coarser than the winner's (`String`: the winner's id).
    case lessSpecificCategory(than: String)
    /// The rule matched, same category rank as the winner, but its place is coarser.
    case lessSpecificPlace(than: String)
    /// The rule matched, same category and place rank, but has fewer conditions.
    case fewerConditions(than: String)
    /// The rule matched and is as specific as the winner, but has a lower priority.
    case lowerPriority(than: String)
    /// The rule matched but its lead unit was excluded (e.g. it returned the case).
    case leadExcluded(UnitID)
    /// The rule matched but its lead names no unit for the case's place (e.g. `@street:园林` where the
    /// street has no 园林 unit).
    case leadUnresolved(UnitReference)
    /// The rule does not apply yet; it starts on the date.
    case notYetEffective(EffectiveDate)
    /// The rule no longer applies; it ended on the date.
    case expired(EffectiveDate)
    /// The case's time is outside the rule's window.
    case outsideWindow(RuleTimeWindow)
    /// The case's attribute does not satisfy the condition (`actual` is the case's value, if any).
    case attributeMismatch(AttributeCondition, actual: String?)

    /// True when the rule matched the case (won, tied, or lost on precedence or units), false when it
    /// did not apply at all.
    public var matched: Bool {
        switch self {
        case .notYetEffective, .expired, .outsideWindow, .attributeMismatch: false
        default: true
        }
    }

    /// A readable form for messages and logs.
    public var description: String {
        switch self {
        case .won: "won"
        case .tiedWithWinner(let winner): "lost: ties with \(winner) to the same units; \(winner) comes first"
        case .tiedInConflict: "tied in conflict: equally specific rules with equal priority name different units"
        case .lessSpecificCategory(let winner): "lost: its category is less specific than \(winner)'s"
        case .lessSpecificPlace(let winner): "lost: its place is less specific than \(winner)'s"
        case .fewerConditions(let winner): "lost: it has fewer conditions than \(winner)"
        case .lowerPriority(let winner): "lost: its priority is lower than \(winner)'s"
        case .leadExcluded(let unit): "skipped: its lead \(unit) is excluded"
        case .leadUnresolved(let reference): "skipped: \(reference) names no unit for this place"
        case .notYetEffective(let date): "did not match: effective from \(date)"
        case .expired(let date): "did not match: expired after \(date)"
        case .outsideWindow(let window): "did not match: outside its window \(window)"
        case .attributeMismatch(let condition, let actual):
            "did not match: needs \(condition), the case has \(actual.map { "\(condition.key)=\($0)" } ?? "no \(condition.key)")"
        }
    }
}
