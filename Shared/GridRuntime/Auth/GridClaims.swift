import JWTKit
import Foundation

/// The JWT payload of a GridLoop bearer token.
///
/// ```json
/// {"sub": "u-1001", "name": "张三", "roles": ["dispatcher"], "places": ["330102"],
///  "units": ["D01-SANITATION"], "iss": "gridloop", "aud": "gridloop", "iat": 1700000000, "exp": 1700003600}
/// ```
/// `places` are place-code prefixes (district `330102`, street `330102001`, …; `*` = every place);
/// `units` are the unit ids the user acts for.
public struct GridClaims: JWTPayload, Sendable {
    /// User id (`sub`).
    public var subject: SubjectClaim
    /// Display name (`name`).
    public var name: String?
    /// Roles (`roles`).
    public var roles: [String]
    /// Place-code prefixes the user may see (`places`).
    public var places: [String]?
    /// Unit ids the user acts for (`units`).
    public var units: [String]?
    /// Issuer (`iss`).
    public var issuer: IssuerClaim
    /// Audience (`aud`).
    public var audience: AudienceClaim
    /// Issued at (`iat`).
    public var issuedAt: IssuedAtClaim?
    /// Expiry (`exp`), required.
    public var expiration: ExpirationClaim

    enum CodingKeys: String, CodingKey {
        case subject = "sub", name, roles, places, units, issuer = "iss", audience = "aud", issuedAt = "iat"
        case expiration = "exp"
    }

    /// Creates claims (used by tests and tools that mint tokens).
    public init(
        subject: String, name: String? = nil, roles: [String], places: [String]? = nil, units: [String]? = nil,
        issuer: String, audience: String, issuedAt: Date = Date(), expiration: Date
    ) {
        self.subject = SubjectClaim(value: subject)
        self.name = name
        self.roles = roles
        self.places = places
        self.units = units
        self.issuer = IssuerClaim(value: issuer)
        self.audience = AudienceClaim(value: [audience])
        self.issuedAt = IssuedAtClaim(value: issuedAt)
        self.expiration = ExpirationClaim(value: expiration)
    }

    /// Checks expiry only; issuer and audience are checked by ``TokenVerifier`` against configuration.
    public func verify(using algorithm: some JWTAlgorithm) async throws {
        try expiration.verifyNotExpired()
    }
}
