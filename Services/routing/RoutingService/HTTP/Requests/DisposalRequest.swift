import Foundation
import GridRuntime

/// `POST /v1/tasks/{caseId}/disposal`: the unit's disposal report (处置反馈).
struct DisposalRequest: Decodable {
    /// What was done (no personal data).
    let note: String?
    /// Photos or videos of the result, as http(s) URLs (at most 20).
    let attachments: [String]?

    /// The longest note accepted.
    static let maximumNoteLength = 2000
    /// The most attachments accepted.
    static let maximumAttachments = 20

    /// The checked note and attachments, or a 422 naming every problem.
    func validated() throws(APIError) -> (note: String, attachments: [URL]) {
        var problems = RequestProblems()
        let note = problems.requireText(note, field: "note", maximum: Self.maximumNoteLength)
        var urls: [URL] = []
        let given = attachments ?? []
        if given.count > Self.maximumAttachments {
            problems.add("attachments", "at most \(Self.maximumAttachments) (got \(given.count))")
        }
        for (index, text) in given.enumerated() {
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
                url.host != nil
            else {
                problems.add("attachments[\(index)]", "'\(text.prefix(100))' is not an http(s) URL")
                continue
            }
            urls.append(url)
        }
        try problems.check("the disposal report")
        return (note ?? "", urls)
    }
}
