#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GridDomain
import Hummingbird

/// JSON responses written with `ContractJSON` (sorted keys, RFC 3339 UTC timestamps with milliseconds),
/// like the events.
enum JSONResponse {
    /// A 200 response with `value` as JSON.
    static func ok(_ value: some Encodable) throws -> Response {
        let data = try ContractJSON.encode(value)
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
