/// A calendar day (local time) on which a 权责清单 rule starts or stops applying: the same civil date
/// the working calendar uses.
public typealias EffectiveDate = CivilDate

extension CivilDate {
    /// Parses a rule's `YYYY-MM-DD` date.
    /// - Throws: ``RuleSyntaxError`` saying how to write the date.
    public init(parsing text: String) throws(RuleSyntaxError) {
        guard let date = CivilDate(text) else {
            throw RuleSyntaxError("'\(text)' is not a date; write YYYY-MM-DD, e.g. 2025-01-01")
        }
        self = date
    }
}
