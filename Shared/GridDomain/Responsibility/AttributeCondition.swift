/// A condition on a case attribute, written `key=value` or `key=value1|value2` (any of the values).
/// Attributes are free-form facts a service knows about a case, e.g. `road_class=主干道`,
/// `channel=12345`, `on_water=yes`.
public struct AttributeCondition: Sendable, Hashable, CustomStringConvertible {
    /// The attribute's name.
    public let key: String
    /// The values that satisfy the condition.
    public let values: [String]

    /// Creates a condition.
    public init(key: String, values: [String]) {
        self.key = key
        self.values = values
    }

    /// Parses a list of conditions separated by `;`, e.g. `road_class=主干道;channel=12345|12319`.
    public static func parseList(_ text: String) throws(RuleSyntaxError) -> [AttributeCondition] {
        var conditions: [AttributeCondition] = []
        for item in text.split(whereSeparator: { $0 == ";" || $0 == "；" }) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = parts.first.map { String($0).trimmingSpaces() } ?? ""
            guard parts.count == 2, !key.isEmpty else {
                throw RuleSyntaxError("attribute condition '\(item)' should be key=value or key=value1|value2")
            }
            let values = parts[1].split(separator: "|").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
            guard !values.isEmpty else { throw RuleSyntaxError("attribute condition '\(item)' has no value") }
            guard !conditions.contains(where: { $0.key == key }) else {
                throw RuleSyntaxError("attribute '\(key)' is constrained twice; list its values as \(key)=a|b")
            }
            conditions.append(AttributeCondition(key: key, values: values))
        }
        return conditions
    }

    /// True when `attributes` has the key with one of the values.
    public func isSatisfied(by attributes: [String: String]) -> Bool {
        guard let value = attributes[key] else { return false }
        return values.contains(value)
    }

    /// `key=value1|value2`.
    public var description: String { "\(key)=\(values.joined(separator: "|"))" }
}
