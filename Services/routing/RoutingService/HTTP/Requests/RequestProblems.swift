import Foundation
import GridRuntime

/// Collects everything wrong with a request body, so one 422 answer names every problem.
struct RequestProblems {
    private(set) var messages: [String] = []

    /// Records a problem with `field`.
    mutating func add(_ field: String, _ message: String) {
        messages.append("\(field): \(message)")
    }

    /// Checks that `text` is present, not blank and at most `maximum` characters.
    mutating func requireText(_ text: String?, field: String, maximum: Int) -> String? {
        guard let text else {
            add(field, "required")
            return nil
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            add(field, "must not be blank")
            return nil
        }
        if trimmed.count > maximum {
            add(field, "at most \(maximum) characters (got \(trimmed.count))")
            return nil
        }
        return trimmed
    }

    /// Throws a 422 listing every problem, if any.
    func check(_ subject: String) throws(APIError) {
        guard !messages.isEmpty else { return }
        throw .unprocessable(
            "\(subject) is invalid (\(messages.count) problem\(messages.count == 1 ? "" : "s")): " + messages.joined(separator: "; "))
    }
}
