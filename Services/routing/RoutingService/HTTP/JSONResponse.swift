import Foundation
import GridDomain
public import Hummingbird

/// JSON responses in the contracts' conventions (`ContractJSON`: lowerCamelCase keys, RFC 3339 UTC
/// timestamps with milliseconds, sorted keys).
enum JSONResponse {
    /// A response with `value` as its JSON body.
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try ContractJSON.encode(value)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
