/// Days over which a finding holds: from a date, through a date or open-ended.
public struct EffectivePeriod: Sendable, Hashable, CustomStringConvertible {
    /// The first day.
    public let from: EffectiveDate
    /// The last day, or `nil` when it holds from `from` on.
    public let through: EffectiveDate?

    /// Creates a period.
    public init(from: EffectiveDate, through: EffectiveDate?) {
        self.from = from
        self.through = through
    }

    public var description: String { through.map { "\(from)…\($0)" } ?? "from \(from)" }
}

/// A 管理真空: cases of `category` in `place` that no rule gives to a unit at `uncoveredTimes`.
///
/// Compressed but exact: `place` is the coarsest place all of whose grids share the gap (the city, a
/// district, a street, a community or a grid), and `category` is a 大类 when every one of its 小类 has
/// the same gaps. Only rules without attribute conditions count as covering (a case need not carry
/// any attribute), and a rule whose lead names no unit for a place does not cover it.
public struct ResponsibilityGap: Sendable, Hashable, CustomStringConvertible {
    /// The uncovered category: a 小类, or a 大类 standing for all its 小类.
    public let category: CategoryCode
    /// The uncovered place: every grid in it is uncovered.
    public let place: PlaceCode
    /// When in the week no rule applies (`WeeklyTimeSet.all`: never covered).
    public let uncoveredTimes: WeeklyTimeSet
    /// The days on which the gap exists.
    public let period: EffectivePeriod

    public var description: String {
        "gap: \(category) in \(place)" + (uncoveredTimes.isFull ? "" : " at \(uncoveredTimes)") + " (\(period))"
    }
}

/// A 职能交叉: two equally specific rules of equal priority that can both match a case and send it to
/// different units (or the same lead with different co-units or tier).
public struct ResponsibilityConflict: Sendable, Hashable, CustomStringConvertible {
    /// The two rules, in list order.
    public let ruleIDs: [String]
    /// The category both cover (`nil`: all categories).
    public let category: CategoryCode?
    /// Where they disagree: the rules' shared place, or the places below it where their units differ.
    public let places: [PlaceCode]
    /// When in the week both apply.
    public let times: WeeklyTimeSet
    /// The attribute conditions a case must meet for both to apply (empty: none).
    public let attributes: [AttributeCondition]
    /// The days on which both apply.
    public let period: EffectivePeriod

    public var description: String {
        "conflict: \(ruleIDs.joined(separator: " vs ")) for \(category.map(\.description) ?? "all categories") in "
            + places.map(\.description).joined(separator: ", ")
            + (times.isFull ? "" : " at \(times)")
            + (attributes.isEmpty ? "" : " when \(attributes.map(\.description).joined(separator: ";"))")
            + " (\(period))"
    }
}

/// A `@level:kind` reference in a rule that names no unit for some places the rule covers.
public struct UnresolvedUnitReference: Sendable, Hashable, CustomStringConvertible {
    /// Which part of the rule holds the reference.
    public enum Role: String, Sendable, Hashable {
        case lead, coUnit = "co_unit", escalation
    }

    /// The rule.
    public let ruleID: String
    /// Where in the rule.
    public let role: Role
    /// The reference.
    public let reference: UnitReference
    /// The places at the reference's level, within the rule's scope, with no such unit.
    public let places: [PlaceCode]
    /// The days on which the rule is in force.
    public let period: EffectivePeriod

    public var description: String {
        "unresolved: rule \(ruleID) \(role.rawValue) \(reference) names no unit in \(places.map(\.description).joined(separator: ", ")) (\(period))"
    }
}

/// What `validate` found in a 权责清单.
public struct ResponsibilityValidationReport: Sendable, Hashable, CustomStringConvertible {
    /// The list's version.
    public let listVersion: String
    /// The first day checked; every change of the effective rules from then on was checked too.
    public let checkedFrom: EffectiveDate
    /// Category × place combinations with no responsible unit (管理真空).
    public let gaps: [ResponsibilityGap]
    /// Equally specific rules that disagree (职能交叉).
    public let conflicts: [ResponsibilityConflict]
    /// Unit references that name no unit somewhere the rule covers.
    public let unresolvedReferences: [UnresolvedUnitReference]

    /// True when nothing was found.
    public var isClean: Bool { gaps.isEmpty && conflicts.isEmpty && unresolvedReferences.isEmpty }

    /// One finding per line.
    public var description: String {
        let lines = gaps.map(\.description) + conflicts.map(\.description) + unresolvedReferences.map(\.description)
        return "list \(listVersion) checked from \(checkedFrom): "
            + (lines.isEmpty ? "clean" : "\(lines.count) finding(s)\n" + lines.joined(separator: "\n"))
    }
}
