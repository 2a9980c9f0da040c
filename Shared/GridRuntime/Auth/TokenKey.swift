import JWTKit

/// The key that verifies bearer token signatures.
public enum TokenKey: Sendable, Hashable, CustomStringConvertible {
    /// HS256 with a shared secret (development and tests; anyone with the secret can mint tokens).
    case sharedSecret(String)
    /// RS256 with an RSA public key in PEM form (production).
    case rsaPublicKey(pem: String)
    /// ES256 with a P-256 public key in PEM form (production).
    case ecdsaPublicKey(pem: String)

    /// Recognises a PEM public key as P-256 (ES256) or RSA (RS256).
    /// - Throws: ``InvalidSettingValue`` when the text is neither.
    public static func publicKey(pem: String) throws(InvalidSettingValue) -> TokenKey {
        if (try? ES256PublicKey(pem: pem)) != nil { return .ecdsaPublicKey(pem: pem) }
        if (try? Insecure.RSA.PublicKey(pem: pem)) != nil { return .rsaPublicKey(pem: pem) }
        throw InvalidSettingValue("not a PEM-encoded P-256 or RSA (≥ 2048 bits) public key")
    }

    /// The JWS algorithm: `HS256`, `RS256` or `ES256`.
    public var algorithm: String {
        switch self {
        case .sharedSecret: "HS256"
        case .rsaPublicKey: "RS256"
        case .ecdsaPublicKey: "ES256"
        }
    }

    /// The algorithm only; the secret is never shown.
    public var description: String { "TokenKey(\(algorithm))" }

    /// A key collection holding this key, for verification (and, with a shared secret, signing).
    public func makeKeyCollection() async throws -> JWTKeyCollection {
        let keys = JWTKeyCollection()
        switch self {
        case .sharedSecret(let secret):
            await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        case .rsaPublicKey(let pem):
            await keys.add(rsa: try Insecure.RSA.PublicKey(pem: pem), digestAlgorithm: .sha256)
        case .ecdsaPublicKey(let pem):
            await keys.add(ecdsa: try ES256PublicKey(pem: pem))
        }
        return keys
    }
}
