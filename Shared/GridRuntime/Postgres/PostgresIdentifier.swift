/// A PostgreSQL identifier (schema, table, role or channel name) that is safe to splice into SQL text.
///
/// Only lower-case ASCII letters, digits and `_` are accepted, starting with a letter or `_`, at most
/// 63 bytes (PostgreSQL's `NAMEDATALEN - 1`). Such names mean the same quoted and unquoted, so
/// ``quoted`` never needs escaping. Each service owns one schema; its name is validated once here and
/// then used to qualify every platform table (`"intake".outbox`).
public struct PostgresIdentifier: Sendable, Hashable, CustomStringConvertible {
    /// The identifier as PostgreSQL stores it.
    public let name: String

    /// Validates `name`.
    /// - Throws: ``PostgresIdentifierError`` naming what is wrong.
    public init(_ name: String) throws(PostgresIdentifierError) {
        guard !name.isEmpty else {
            throw PostgresIdentifierError(name: name, reason: "it is empty")
        }
        guard name.utf8.count <= 63 else {
            throw PostgresIdentifierError(name: name, reason: "it is longer than 63 bytes")
        }
        for (offset, byte) in name.utf8.enumerated() {
            let isLetter = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            let isUnderscore = byte == UInt8(ascii: "_")
            if offset == 0, isDigit {
                throw PostgresIdentifierError(name: name, reason: "it starts with a digit")
            }
            guard isLetter || isDigit || isUnderscore else {
                throw PostgresIdentifierError(
                    name: name,
                    reason: "only lower-case letters a-z, digits and '_' are allowed"
                )
            }
        }
        self.name = name
    }

    /// The identifier in double quotes, ready to splice into SQL text.
    public var quoted: String { "\"\(name)\"" }

    /// `"schema"."table"`: a table (or other object) of this schema, quoted.
    public func qualifying(_ object: String) -> String { "\(quoted).\"\(object)\"" }

    public var description: String { name }
}

/// A name that cannot be used as a PostgreSQL identifier by GridLoop.
public struct PostgresIdentifierError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The rejected name, as given.
    public let name: String
    /// Why it was rejected.
    public let reason: String

    /// Creates the error.
    public init(name: String, reason: String) {
        self.name = name
        self.reason = reason
    }

    public var description: String { "invalid PostgreSQL identifier '\(name)': \(reason)" }
}
