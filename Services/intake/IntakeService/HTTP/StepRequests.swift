import Foundation
import GridDomain
import GridRuntime

/// `POST /v1/cases/{id}/verification`: the verifier's finding on site (核实反馈).
struct VerificationRequest: Decodable, Sendable {
    /// Whether the problem is real.
    var confirmed: Bool
    /// What the verifier saw.
    var note: String?
}

/// `POST /v1/cases/{id}/check`: the on-site check of a disposal (核查). `passed: false` needs a `reason`.
struct CheckRequest: Decodable, Sendable {
    /// Whether the disposal meets the closing standard.
    var passed: Bool
    /// A note on a passed check.
    var note: String?
    /// Why the check failed (required when `passed` is false): the case goes back for rework.
    var reason: String?
}

/// `POST /v1/cases/{id}/callback`: the hotline caller was called back (回访).
struct CallbackRequest: Decodable, Sendable {
    /// The caller's satisfaction.
    var satisfaction: Satisfaction
    /// A note.
    var note: String?
}

/// `POST /v1/cases/{id}/file`: file by hand (立案), optionally setting the category and urgency.
struct FileRequest: Decodable, Sendable {
    /// The catalog category (required when the report has none).
    var category: String?
    /// The urgency.
    var urgency: Urgency?
}

/// `POST /v1/cases/{id}/not-file`: close the report without a case (不予立案/不受理).
struct NotFileRequest: Decodable, Sendable {
    /// Why.
    var reason: NotFiledReason
    /// A note.
    var note: String?
}

/// `POST /v1/cases/{id}/duplicate`: the report repeats an open case (重复件).
struct DuplicateRequest: Decodable, Sendable {
    /// The case it repeats.
    var duplicateOf: CaseID
}

/// `POST /v1/cases/{id}/self-disposal`: the reporting grid worker solved it on the spot (自行处置).
struct SelfDisposalRequest: Decodable, Sendable {
    /// What was done.
    var note: String
    /// Photos after disposal (http(s) URLs).
    var attachments: [String]?
}

extension RequestProblems {
    /// Checks a staff note or reason (≤ 2,000 characters; required when `required`).
    mutating func checkNote(_ field: String, _ text: String?, required: Bool) {
        checkText(field, text, required: required, maximum: 2_000)
    }
}

extension CheckRequest {
    /// The check step.
    func action() throws(APIError) -> CaseAction {
        var problems = RequestProblems("check")
        if passed {
            problems.checkNote("note", note, required: false)
            try problems.finish()
            return .passCheck(note: note)
        }
        problems.checkNote("reason", reason, required: true)
        try problems.finish()
        return .failCheck(reason: reason ?? "")
    }
}

extension FileRequest {
    /// The filing step; the category must be in the city's catalog.
    func action(catalog: CategoryCatalog) throws(APIError) -> CaseAction {
        var problems = RequestProblems("filing")
        var code: CategoryCode?
        if let category {
            do {
                let parsed = try CategoryCode(category)
                if catalog.contains(parsed) { code = parsed } else {
                    problems.add("category", .unknownValue, "'\(category)' is not in the city's catalog")
                }
            } catch {
                problems.add("category", .invalidFormat, error.description)
            }
        }
        try problems.finish()
        return .file(category: code, urgency: urgency)
    }
}

extension SelfDisposalRequest {
    /// The self-disposal step.
    func action() throws(APIError) -> CaseAction {
        var problems = RequestProblems("self-disposal")
        problems.checkText("note", note, required: true, maximum: CaseReport.maximumDetailsLength)
        let urls = problems.urls("attachments", attachments, maximum: HotlineWorkOrderV1.maximumAttachments)
        try problems.finish()
        return .selfDispose(note: note, attachments: urls)
    }
}
