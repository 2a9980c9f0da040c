/// Equally specific rules of equal priority that match a case and disagree on who handles it.
public struct RuleTie: Sendable, Hashable, CustomStringConvertible {
    /// The tied rules, in precedence order.
    public let ruleIDs: [String]
    /// Their lead units, in the same order.
    public let leads: [UnitID]
    /// The list version consulted.
    public let listVersion: String

    /// Creates a tie.
    public init(ruleIDs: [String], leads: [UnitID], listVersion: String) {
        self.ruleIDs = ruleIDs
        self.leads = leads
        self.listVersion = listVersion
    }

    /// A readable form for messages and logs.
    public var description: String {
        zip(ruleIDs, leads).map { "\($0) → \($1)" }.joined(separator: ", ") + " (list \(listVersion))"
    }
}
