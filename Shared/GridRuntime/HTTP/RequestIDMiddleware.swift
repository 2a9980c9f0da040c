public import Hummingbird
import HTTPTypes
import Logging

/// Gives every request an id: the caller's `X-Request-ID` when it is a sane token (1–128 of
/// `A-Z a-z 0-9 - _ .`), otherwise Hummingbird's own. The id is stored in the context, added to the
/// logger as `request_id` and echoed in the response's `X-Request-ID`.
public struct RequestIDMiddleware: RouterMiddleware {
    /// The request context.
    public typealias Context = GridRequestContext

    /// The header carrying the id.
    public static let headerName = HTTPField.Name("X-Request-ID")!

    /// Creates the middleware.
    public init() {}

    /// Assigns the id and echoes it.
    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let given = request.headers[Self.headerName]
        let id = given.flatMap { Self.isValid($0) ? $0 : nil } ?? context.id
        context.requestID = id
        context.logger[metadataKey: "request_id"] = .string(id)
        do {
            var response = try await next(request, context)
            response.headers[Self.headerName] = id
            return response
        } catch let error as any HTTPResponseError {
            var response = try error.response(from: request, context: context)
            response.headers[Self.headerName] = id
            return response
        }
    }

    static func isValid(_ id: String) -> Bool {
        (1...128).contains(id.utf8.count)
            && id.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }
    }
}
