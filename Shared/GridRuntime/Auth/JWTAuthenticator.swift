import HTTPTypes
public import Hummingbird
public import HummingbirdAuth

/// Reads `Authorization: Bearer <jwt>`, verifies it and attaches the ``Principal`` to the context.
///
/// Without the header the request passes on unauthenticated (routes that need a user call
/// `requirePrincipal()` or live under an ``AuthenticatedContext`` group and answer 401). A header
/// that is present but invalid is answered with 401 at once.
public struct JWTAuthenticator<Context: AuthRequestContext<Principal>>: AuthenticatorMiddleware {
    /// The identity type attached to the context.
    public typealias Identity = Principal

    let verifier: TokenVerifier

    /// Creates the middleware.
    public init(verifier: TokenVerifier) {
        self.verifier = verifier
    }

    /// Verifies the bearer token, if any.
    public func authenticate(request: Request, context: Context) async throws -> Principal? {
        guard request.headers[.authorization] != nil else { return nil }
        guard let bearer = request.headers.bearer, !bearer.token.isEmpty else {
            throw APIError.unauthorized("the Authorization header must be 'Bearer <token>'", invalidToken: true)
        }
        return try await verifier.verify(bearer.token)
    }
}
