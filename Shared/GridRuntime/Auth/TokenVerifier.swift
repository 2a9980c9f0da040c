import JWTKit

/// Verifies bearer tokens: signature (HS256, RS256 or ES256), expiry, issuer and audience.
public struct TokenVerifier: Sendable {
    private let keys: JWTKeyCollection
    /// Expected `iss`.
    public let issuer: String
    /// Expected `aud`.
    public let audience: String

    /// Creates a verifier from the service's auth configuration.
    /// - Throws: when a configured public key cannot be loaded (already validated at configuration time).
    public init(configuration: ServiceConfiguration.Auth) async throws {
        self.keys = try await configuration.key.makeKeyCollection()
        self.issuer = configuration.issuer
        self.audience = configuration.audience
    }

    /// Verifies `token` and returns the principal it names.
    /// - Throws: ``APIError`` 401 with a message saying what is wrong (malformed, bad signature,
    ///   expired, wrong issuer or audience).
    public func verify(_ token: String) async throws(APIError) -> Principal {
        let claims: GridClaims
        do {
            claims = try await keys.verify(token, as: GridClaims.self)
        } catch let error as JWTError {
            throw .unauthorized(Self.explain(error), invalidToken: true)
        } catch {
            throw .unauthorized("bearer token could not be verified", invalidToken: true)
        }
        guard claims.issuer.value == issuer else {
            throw .unauthorized("bearer token was issued by '\(claims.issuer.value)', expected '\(issuer)'", invalidToken: true)
        }
        guard claims.audience.value.contains(audience) else {
            throw .unauthorized("bearer token is not meant for audience '\(audience)'", invalidToken: true)
        }
        return try Principal(claims: claims)
    }

    private static func explain(_ error: JWTError) -> String {
        switch error.errorType {
        case .claimVerificationFailure:
            if error.failedClaim is ExpirationClaim { return "bearer token has expired" }
            return "bearer token claim is invalid: \(error.reason ?? "unknown claim")"
        case .signatureVerificationFailed: return "bearer token signature is invalid"
        case .malformedToken: return "bearer token is malformed"
        default: return "bearer token could not be verified"
        }
    }
}
