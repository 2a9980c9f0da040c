public import Hummingbird
public import HummingbirdAuth

/// The request context of every GridLoop HTTP route: Hummingbird's core context plus the
/// authenticated ``Principal``, if any, and the request id.
public struct GridRequestContext: AuthRequestContext, RequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The verified user, set by ``JWTAuthenticator``; `nil` for anonymous requests.
    public var identity: Principal?
    /// The request id (from `X-Request-ID` when the caller sent a valid one), set by ``RequestIDMiddleware``.
    public var requestID: String?

    /// Creates the context for a new request.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.identity = nil
        self.requestID = nil
    }

    /// The authenticated user.
    /// - Throws: ``APIError`` 401 when the request carries no bearer token.
    public func requirePrincipal() throws(APIError) -> Principal {
        guard let identity else {
            throw .unauthorized("authentication required: send 'Authorization: Bearer <token>'")
        }
        return identity
    }
}

/// The context of routes that always need a user: created from a ``GridRequestContext`` and
/// failing with 401 when there is no principal, so handlers get a non-optional ``principal``.
///
/// ```swift
/// router.group("api/cases", context: AuthenticatedContext.self)
///     .post { request, context in
///         try context.principal.requireRole(.operator)
///         …
///     }
/// ```
public struct AuthenticatedContext: ChildRequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The verified user.
    public let principal: Principal
    /// The request id.
    public let requestID: String?

    /// Fails with 401 when the parent context has no principal.
    public init(context: GridRequestContext) throws {
        self.coreContext = context.coreContext
        self.principal = try context.requirePrincipal()
        self.requestID = context.requestID
    }
}
