/// A case field that does not hold an acceptable value (a malformed case number, a coordinate out of
/// range, an attachment that is not an http(s) URL, a component id that contradicts the category…).
///
/// The message names the field and the reason in words an operator or API client can act on. For
/// personal fields the offending value is already masked.
public struct CaseDataError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The field, e.g. `"location"`, `"attachment"`, `"component id"`.
    public let field: String
    /// The offending input as given (masked for personal data).
    public let value: String
    /// What is wrong with it.
    public let reason: String

    /// Creates an error about `field`.
    public init(field: String, value: String, reason: String) {
        self.field = field
        self.value = value
        self.reason = reason
    }

    /// `invalid <field> '<value>': <reason>`.
    public var description: String { "invalid \(field) '\(value)': \(reason)" }
}
