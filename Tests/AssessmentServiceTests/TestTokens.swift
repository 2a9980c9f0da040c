import Foundation
import GridRuntime
import JWTKit

/// Mints HS256 bearer tokens for the HTTP tests.
enum TestTokens {
    static let secret = "assessment-test-secret-0123456789abcdef"
    static let auth = ServiceConfiguration.Auth(key: .sharedSecret(secret))

    static func token(roles: [String], places: [String]?) async throws -> String {
        let claims = GridClaims(
            subject: "u-2001", name: "李四", roles: roles, places: places, issuer: auth.issuer, audience: auth.audience,
            expiration: Date().addingTimeInterval(600))
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        return try await keys.sign(claims)
    }
}
