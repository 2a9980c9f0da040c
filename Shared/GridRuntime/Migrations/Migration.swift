import Crypto

/// One forward-only, versioned SQL migration of a service's schema.
///
/// The SQL may hold several statements separated by `;` (split by ``SQLStatementSplitter``, which
/// understands quotes, dollar quoting and comments). It runs in one transaction with
/// `search_path` set to the service's schema (then `public`, for PostGIS), so unqualified names create
/// objects in the service's schema. Statements that cannot run in a transaction (`CREATE INDEX
/// CONCURRENTLY`, `BEGIN`/`COMMIT`) are not allowed.
///
/// Once applied, a migration must never change: its ``checksum`` is recorded and a different checksum
/// at the next start is a startup error (``MigrationError/Code-swift.struct/checksumMismatch``).
public struct Migration: Sendable, Hashable {
    /// The version; positive, unique within its ``MigrationSet``, applied in ascending order.
    public let version: Int
    /// A short description, recorded with the version (`create cases`).
    public let name: String
    /// The SQL text.
    public let sql: String
    /// SHA-256 of the SQL text (with CRLF line ends read as LF), as 64 lower-case hex digits.
    ///
    /// SHA-256 rather than a short non-cryptographic hash: collisions are out of the question and
    /// swift-crypto is already part of the build (through jwt-kit and postgres-nio).
    public let checksum: String

    /// Creates a migration and computes its checksum.
    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
        self.checksum = Self.checksum(of: sql)
    }

    /// SHA-256 (hex) of `sql` after replacing CRLF line ends with LF, so that a checkout with
    /// Windows line ends does not look like a changed migration.
    public static func checksum(of sql: String) -> String {
        let normalized = sql.replacing("\r\n", with: "\n")
        let digest = SHA256.hash(data: Array(normalized.utf8))
        return digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
