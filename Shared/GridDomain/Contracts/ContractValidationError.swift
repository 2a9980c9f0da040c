/// A contract message that cannot be accepted, with every problem found in it (not just the first),
/// so the consumer can dead-letter it with a precise reason and the sender can fix everything at once.
///
/// Its `description` is one line per problem and is what goes into the dead-letter header
/// `dlt.error.message`; personal data in it is masked.
public struct ContractValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was checked, e.g. `hotline work order GD-12345-20250312-0042` or `CaseStepV1`.
    public let subject: String
    /// Every problem found, in field order; never empty.
    public let problems: [ContractProblem]

    /// Creates an error; `problems` should not be empty.
    public init(subject: String, problems: [ContractProblem]) {
        self.subject = subject
        self.problems = problems
    }

    /// An error with a single problem.
    public init(subject: String, field: String, code: ContractProblem.Code, message: String) {
        self.init(subject: subject, problems: [ContractProblem(field: field, code: code, message: message)])
    }

    /// The fields that have problems, in order, without repeats.
    public var fields: [String] {
        var seen = Set<String>()
        return problems.map(\.field).filter { seen.insert($0).inserted }
    }

    /// `hotline work order GD-1 is invalid (2 problems):` followed by one `  - field (code): message`
    /// line per problem.
    public var description: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return "\(subject) is invalid (\(count)):\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
