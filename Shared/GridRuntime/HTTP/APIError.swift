public import HTTPTypes
public import Hummingbird

/// An error answered to API clients as a JSON problem:
/// `{"error": {"code": "forbidden", "message": "place 330102001 is outside your district/street scope"}}`.
///
/// Messages are for the client: say what to change, never leak internals. Unexpected errors are
/// logged by ``ProblemMiddleware`` and answered with a generic 500 instead.
public struct APIError: Error, HTTPResponseError, Sendable, Hashable, CustomStringConvertible {
    /// HTTP status.
    public let status: HTTPResponse.Status
    /// A stable, machine-readable code (`snake_case`).
    public let code: String
    /// A human-readable explanation.
    public let message: String
    /// Extra response headers (e.g. `WWW-Authenticate`).
    public let headers: HTTPFields

    /// Creates an error with any status and code.
    public init(status: HTTPResponse.Status, code: String, message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    /// 400: the request is malformed (unparseable body, bad query parameter).
    public static func badRequest(_ message: String, code: String = "bad_request") -> Self {
        Self(status: .badRequest, code: code, message: message)
    }

    /// 401: authentication is missing or invalid; adds `WWW-Authenticate: Bearer`.
    public static func unauthorized(_ message: String, invalidToken: Bool = false) -> Self {
        let challenge = invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer"
        return Self(status: .unauthorized, code: "unauthenticated", message: message, headers: [.wwwAuthenticate: challenge])
    }

    /// 403: authenticated but not allowed (role, place scope or unit).
    public static func forbidden(_ message: String) -> Self {
        Self(status: .forbidden, code: "forbidden", message: message)
    }

    /// 404: the resource does not exist.
    public static func notFound(_ message: String, code: String = "not_found") -> Self {
        Self(status: .notFound, code: code, message: message)
    }

    /// 409: the request conflicts with the current state (duplicate, wrong stage).
    public static func conflict(_ message: String, code: String = "conflict") -> Self {
        Self(status: .conflict, code: code, message: message)
    }

    /// 422: well-formed but invalid (bad codes, violated rules).
    public static func unprocessable(_ message: String, code: String = "validation_failed") -> Self {
        Self(status: .unprocessableContent, code: code, message: message)
    }

    /// 503: a dependency is unavailable; the client may retry.
    public static func unavailable(_ message: String, code: String = "unavailable") -> Self {
        Self(status: .serviceUnavailable, code: code, message: message)
    }

    /// 500 with a generic message naming the request id.
    public static func internalError(requestID: String) -> Self {
        Self(status: .internalServerError, code: "internal", message: "internal error (request id \(requestID))")
    }

    /// `status code: message`.
    public var description: String { "\(status.code) \(code): \(message)" }

    /// Renders the JSON problem body.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try context.responseEncoder.encode(Body(error: .init(code: code, message: message)), from: request, context: context)
        response.status = status
        response.headers.append(contentsOf: headers)
        return response
    }

    private struct Body: Encodable {
        struct Problem: Encodable {
            let code: String
            let message: String
        }
        let error: Problem
    }
}
