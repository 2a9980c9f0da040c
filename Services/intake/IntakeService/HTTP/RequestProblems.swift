import Foundation
import GridDomain
import GridRuntime

/// Collects every problem of a request body, so the client learns all of them at once (the same
/// problem form as the inbound contracts: a field path, a code and a message).
struct RequestProblems: Sendable {
    /// What is checked, e.g. `report`.
    let subject: String
    private(set) var problems: [ContractProblem] = []

    init(_ subject: String) { self.subject = subject }

    mutating func add(_ field: String, _ code: ContractProblem.Code, _ message: String) {
        problems.append(ContractProblem(field: field, code: code, message: message))
    }

    mutating func missing(_ field: String) { add(field, .missing, "required") }

    /// Records that a text is too long or blank when required.
    mutating func checkText(_ field: String, _ text: String?, required: Bool, maximum: Int) {
        guard let text else {
            if required { missing(field) }
            return
        }
        if required, text.allSatisfy(\.isWhitespace) { add(field, .missing, "must not be blank") }
        if text.count > maximum { add(field, .tooLong, "longer than \(maximum) characters") }
    }

    /// Parses http(s) URLs, recording the others.
    mutating func urls(_ field: String, _ texts: [String]?, maximum: Int) -> [URL] {
        guard let texts else { return [] }
        if texts.count > maximum { add(field, .tooLong, "at most \(maximum) attachments") }
        var urls: [URL] = []
        for (index, text) in texts.enumerated() {
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
                url.host != nil
            else {
                add("\(field)[\(index)]", .invalidFormat, "'\(text.prefix(200))' is not an http(s) URL")
                continue
            }
            urls.append(url)
        }
        return urls
    }

    /// Throws 422 `validation_failed` listing every problem, if any.
    func finish() throws(APIError) {
        guard !problems.isEmpty else { return }
        throw .unprocessable(ContractValidationError(subject: subject, problems: problems).description)
    }
}
