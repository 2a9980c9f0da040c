import Crypto

/// Keys for PostgreSQL advisory locks, derived from readable names.
///
/// Advisory locks live in one key space per database, so every key is derived from a purpose and the
/// service's schema (for example `("migrations", "intake")`). The 64-bit key is the first eight bytes of
/// SHA-256 over `gridloop:<purpose>:<scope>`; a collision between two purposes would only make one wait
/// for the other, never corrupt data.
public enum AdvisoryLockKey {
    /// A 64-bit key for `pg_advisory_lock(bigint)` and friends.
    public static func bigint(purpose: String, scope: String) -> Int64 {
        let digest = SHA256.hash(data: Array("gridloop:\(purpose):\(scope)".utf8))
        var key: UInt64 = 0
        for byte in digest.prefix(8) {
            key = key << 8 | UInt64(byte)
        }
        return Int64(bitPattern: key)
    }

    /// A 32-bit key, for the first (class) argument of `pg_advisory_xact_lock(int, int)`.
    public static func int(purpose: String, scope: String) -> Int32 {
        Int32(truncatingIfNeeded: bigint(purpose: purpose, scope: scope))
    }

    /// A stable 32-bit hash (FNV-1a) of a string, for the second argument of the two-key lock functions.
    ///
    /// Used per message key on the hot path of the outbox writer, where a cryptographic hash is not
    /// needed: a collision only serialises two unrelated keys' writers for one transaction.
    public static func hash32(_ text: String) -> Int32 {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return Int32(bitPattern: hash)
    }
}
