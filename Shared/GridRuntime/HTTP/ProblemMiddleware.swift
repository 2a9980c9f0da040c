public import Hummingbird
import GridDomain
import Logging
import PostgresNIO

/// Turns every error thrown by a route into a JSON problem response
/// (`{"error": {"code": …, "message": …}}`):
///
/// | error                                   | status | code              |
/// |-----------------------------------------|--------|-------------------|
/// | ``APIError``, ``APIErrorConvertible``   | its own                    ||
/// | Hummingbird `HTTPError`                 | its own| from the status   |
/// | `DecodingError`                         | 400    | `invalid_body`    |
/// | `DomainCodeError`, `DataFileError`      | 422    | `invalid_code` / `invalid_data` |
/// | PostgreSQL unique violation (23505)     | 409    | `conflict`        |
/// | serialization failure / deadlock, lost connection | 503 | `retry` / `database_unavailable` |
/// | anything else                           | 500    | `internal`        |
///
/// Anything answered with 500 (or 503 from the database) is logged at error level with
/// `String(reflecting:)`; the client only sees a generic message with the request id.
public struct ProblemMiddleware: RouterMiddleware {
    /// The request context.
    public typealias Context = GridRequestContext

    /// Creates the middleware.
    public init() {}

    /// Maps errors thrown further in.
    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = Self.problem(for: error, requestID: context.requestID ?? context.id)
            if problem.status.code >= 500 {
                context.logger.error(
                    "request failed",
                    metadata: [
                        "error": .string(String(reflecting: error)),
                        "http.route": .string(context.endpointPath ?? request.uri.path),
                        "http.status": .stringConvertible(problem.status.code),
                    ])
            }
            throw problem
        }
    }

    /// The client-facing form of `error`.
    public static func problem(for error: any Error, requestID: String) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as any APIErrorConvertible:
            return error.apiError
        case let error as HTTPError:
            return APIError(
                status: error.status, code: code(for: error.status), message: error.body ?? error.status.reasonPhrase,
                headers: error.headers)
        case let error as DecodingError:
            return .badRequest("the request body is not valid: \(describe(error))", code: "invalid_body")
        case let error as DomainCodeError:
            return .unprocessable(error.description, code: "invalid_code")
        case let error as DataFileError:
            return .unprocessable(error.description, code: "invalid_data")
        case let error as PostgresTransactionError:
            if let inner = error.closureError ?? error.commitError ?? error.beginError {
                return problem(for: inner, requestID: requestID)
            }
            return .internalError(requestID: requestID)
        case let error as PSQLError:
            return problem(forDatabase: error, requestID: requestID)
        default:
            return .internalError(requestID: requestID)
        }
    }

    private static func problem(forDatabase error: PSQLError, requestID: String) -> APIError {
        switch error.serverInfo?[.sqlState] {
        case "23505": return .conflict("a record with the same key already exists")
        case "40001", "40P01": return .unavailable("the request conflicted with a concurrent one; retry it", code: "retry")
        default: break
        }
        switch error.code {
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .poolClosed, .uncleanShutdown:
            return .unavailable("the database is unavailable; retry later", code: "database_unavailable")
        default:
            return .internalError(requestID: requestID)
        }
    }

    private static func code(for status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400: "bad_request"
        case 401: "unauthenticated"
        case 403: "forbidden"
        case 404: "not_found"
        case 405: "method_not_allowed"
        case 409: "conflict"
        case 413: "payload_too_large"
        case 415: "unsupported_media_type"
        case 422: "validation_failed"
        case 503: "unavailable"
        default: status.code >= 500 ? "internal" : "http_\(status.code)"
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "missing field \(parent.isEmpty ? key.stringValue : parent + "." + key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return path(context)
        @unknown default:
            return "undecodable"
        }
    }
}
