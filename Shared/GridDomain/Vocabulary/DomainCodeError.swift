/// A code (grid, division, component, category…) that does not have the standard form.
public struct DomainCodeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Which kind of code was being read.
    public enum CodeKind: String, Sendable, Hashable {
        case division, street, community, grid, component, category, unit, areaClass
    }
    /// Which kind of code was being read.
    public let kind: CodeKind
    /// The offending input, as given.
    public let value: String
    /// What is wrong with it, in words a city's staff can act on.
    public let reason: String

    public init(kind: CodeKind, value: String, reason: String) {
        self.kind = kind
        self.value = value
        self.reason = reason
    }

    public var description: String { "invalid \(kind.rawValue) code '\(value)': \(reason)" }
}
