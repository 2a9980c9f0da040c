/// A list that refers to categories, places or units the city does not have, or is inconsistent.
public struct ResponsibilityListError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The rule concerned.
    public let ruleID: String
    /// The rule's source line, when known.
    public let line: Int?
    /// What is wrong.
    public let message: String

    /// Creates an error.
    public init(ruleID: String, line: Int?, message: String) {
        self.ruleID = ruleID
        self.line = line
        self.message = message
    }

    /// A readable form for messages and logs.
    public var description: String { "rule \(ruleID)\(line.map { " (line \($0))" } ?? ""): \(message)" }
}
