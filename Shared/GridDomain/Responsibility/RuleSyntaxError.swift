/// A field of a 权责清单 rule that cannot be read (a window, a date, a unit reference…).
public struct RuleSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, in words a city's staff can act on.
    public let message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    /// A readable form for messages and logs.
    public var description: String { message }
}
