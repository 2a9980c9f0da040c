/// A migration run that cannot proceed. Every case is a startup error: the service must not run
/// against a schema that differs from what its code expects.
public struct MigrationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is. Extensible: new codes are not a breaking change.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: Sendable, Hashable {
            case invalidMigrationSet, invalidSQL, schemaMissing, checksumMismatch, unknownAppliedMigration,
                outOfOrder, statementFailed
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The migrations given in code are inconsistent (duplicate or non-positive versions…).
        public static let invalidMigrationSet = Code(.invalidMigrationSet)
        /// A migration's SQL cannot be split into statements (unterminated quote or comment) or holds
        /// transaction control.
        public static let invalidSQL = Code(.invalidSQL)
        /// The service's schema does not exist (it is created by the deployment, not at run time).
        public static let schemaMissing = Code(.schemaMissing)
        /// An applied migration's SQL was changed after it was applied.
        public static let checksumMismatch = Code(.checksumMismatch)
        /// The database records a migration the code does not know (and that is not tolerated).
        public static let unknownAppliedMigration = Code(.unknownAppliedMigration)
        /// A pending migration has a lower version than one already applied.
        public static let outOfOrder = Code(.outOfOrder)
        /// A statement failed in PostgreSQL.
        public static let statementFailed = Code(.statementFailed)

        public var description: String {
            switch base {
            case .invalidMigrationSet: "invalid migration set"
            case .invalidSQL: "invalid migration SQL"
            case .schemaMissing: "schema missing"
            case .checksumMismatch: "applied migration changed"
            case .unknownAppliedMigration: "unknown applied migration"
            case .outOfOrder: "migration out of order"
            case .statementFailed: "migration statement failed"
            }
        }
    }

    /// What kind of problem it is.
    public let code: Code
    /// What happened and what to do, naming set, version and migration.
    public let message: String

    /// Creates the error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
