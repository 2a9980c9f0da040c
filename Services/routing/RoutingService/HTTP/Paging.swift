import GridRuntime
import Hummingbird

/// `limit` (1…500, default 100) and `offset` (≥ 0, default 0) query parameters.
struct Paging {
    let limit: Int
    let offset: Int

    init(_ request: Request) throws(APIError) {
        let parameters = request.uri.queryParameters
        var problems: [String] = []
        var limit = 100
        var offset = 0
        if let text = parameters.get("limit") {
            if let value = Int(text), (1...500).contains(value) { limit = value } else { problems.append("limit must be an integer 1…500, not '\(text)'") }
        }
        if let text = parameters.get("offset") {
            if let value = Int(text), value >= 0 { offset = value } else { problems.append("offset must be an integer ≥ 0, not '\(text)'") }
        }
        guard problems.isEmpty else { throw .badRequest(problems.joined(separator: "; "), code: "invalid_query") }
        self.limit = limit
        self.offset = offset
    }
}
