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
