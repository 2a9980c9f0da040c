import Foundation
import GridDomain
import Hummingbird

/// A JSON response encoded with the contracts' conventions (`ContractJSON`: RFC 3339 UTC timestamps
/// with milliseconds, sorted keys, lowerCamelCase keys from each type's coding keys).
struct ContractJSONResponse<Value: Encodable & Sendable>: ResponseGenerator, Sendable {
    /// The status. Default 200.
    var status: HTTPResponse.Status = .ok
    /// The body.
    var value: Value

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: try ContractJSON.encode(value))))
    }
}

/// A page of `GET /v1/cases`.
struct CasePage: Encodable, Sendable {
    /// The cases, newest first.
    var cases: [CaseSummary]
    /// Pass as `cursor` to get the next page; absent on the last page.
    var nextCursor: String?
}
