import GridRuntime

/// A body with a reason: `POST /v1/tasks/{caseId}/return` (退回) and other refusals.
struct ReasonRequest: Decodable {
    /// Why (no personal data).
    let reason: String?

    /// The longest reason accepted.
    static let maximumLength = 500

    /// The checked reason, or a 422.
    func validated(_ subject: String) throws(APIError) -> String {
        var problems = RequestProblems()
        let reason = problems.requireText(reason, field: "reason", maximum: Self.maximumLength)
        try problems.check(subject)
        return reason ?? ""
    }
}
